import rule from '../../../../src/core/dockerfile/rules/service-start-in-cmd';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]', 'FROM debian:12\nRUN service nginx start'],
  invalid: [
    { code: 'FROM debian:12\nCMD service nginx start', errors: [[2, 5, 2, 24]] },
    { code: 'FROM debian:12\nENTRYPOINT /etc/init.d/mysql start && tail -f /var/log/mysql.log', errors: [[2, 12, 2, 35]] },
  ],
});
