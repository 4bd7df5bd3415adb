import rule from '../../../../src/core/dockerfile/rules/password-set-at-build';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'no password', code: 'FROM debian:12\nRUN useradd --create-home --shell /usr/sbin/nologin app' },
    { name: 'read from a secret mount', code: 'FROM debian:12\nRUN --mount=type=secret,id=pw chpasswd < /run/secrets/pw' },
    { name: 'a random password computed at build', code: 'FROM debian:12\nRUN echo "root:$(openssl rand -base64 18)" | chpasswd' },
    { name: 'a shell variable, not an ARG or ENV', code: 'FROM debian:12\nRUN read -r PW < /run/secrets/pw && echo "root:$PW" | chpasswd' },
    { name: 'password locked', code: 'FROM debian:12\nRUN passwd -l root && passwd -d app' },
    { name: 'docker login from stdin', code: 'FROM docker:27\nRUN --mount=type=secret,id=t docker login --password-stdin -u me < /run/secrets/t' },
    { name: 'mysql --password alone prompts', code: 'FROM mysql:8.4\nRUN mysql --password appdb < /schema.sql' },
    { name: 'a password from a secret file', code: 'FROM postgres:16\nRUN --mount=type=secret,id=pg PGPASSWORD="$(cat /run/secrets/pg)" psql -h db -c "select 1"' },
    { name: 'public data in shell variables', code: "FROM debian:12\nRUN key='B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8' && KEY_SHA512=e09f && DB_PASSWORD_FILE=/run/secrets/db && cd \"$PWD\"" },
    { name: 'mysql -p alone prompts', code: 'FROM mysql:8.4\nRUN mysql -uroot -p < /schema.sql' },
    { name: 'echo not piped into chpasswd', code: 'FROM debian:12\nRUN echo root:toor > /tmp/x; chpasswd -e < /tmp/hashes' },
  ],
  invalid: [
    { name: 'echo into chpasswd', code: "FROM debian:12\nRUN echo 'root:toor' | chpasswd", errors: [[2, 10, 2, 21]] },
    { name: 'printf into chpasswd, with sudo', code: "FROM debian:12\nRUN printf 'app:secret\\n' | sudo chpasswd", errors: [[2, 12, 2, 26]] },
    { name: 'an ARG value, kept in the history', code: 'FROM debian:12\nARG ROOT_PW\nRUN echo "root:${ROOT_PW}" | chpasswd', errors: [[3, 10, 3, 27]] },
    { name: 'here-string', code: "FROM debian:12\nRUN chpasswd <<< 'root:toor'", errors: [[2, 18, 2, 29]] },
    { name: 'passwd --stdin', code: 'FROM rockylinux:9\nRUN echo toor | passwd --stdin root', errors: [[2, 10, 2, 14]] },
    { name: 'echo -e into passwd', code: 'FROM debian:12\nRUN echo -e "toor\\ntoor" | passwd root', errors: [[2, 13, 2, 25]] },
    { name: 'useradd -p with a hash', code: "FROM debian:12\nRUN useradd -m -p '$6$salt$hash' app", errors: [[2, 19, 2, 33]] },
    { name: 'openssl passwd inside useradd -p', code: 'FROM debian:12\nRUN useradd -m -p "$(openssl passwd -6 secret)" app', errors: [[2, 40, 2, 46]] },
    { name: '--password=value', code: 'FROM mysql:8.4\nRUN mysql -uroot --password=hunter2 < /schema.sql', errors: [[2, 18, 2, 36]] },
    { name: '--password value', code: 'FROM docker:27\nRUN docker login --username me --password hunter2 registry.example', errors: [[2, 43, 2, 50]] },
    { name: 'mysql -psecret', code: 'FROM mysql:8.4\nRUN mysql -uroot -psecret -e "select 1"', errors: [[2, 18, 2, 26]] },
    { name: 'a password prefix', code: 'FROM postgres:16\nRUN PGPASSWORD=secret psql -h db -c "select 1"', errors: [[2, 5, 2, 22]] },
    { name: 'an exported password', code: 'FROM node:22\nRUN export DB_PASSWORD=hunter2 && npm run migrate', errors: [[2, 12, 2, 31]] },
    { name: 'ONBUILD trigger', code: "FROM debian:12\nONBUILD RUN echo 'root:toor' | chpasswd", errors: [[2, 18, 2, 29]] },
  ],
});
