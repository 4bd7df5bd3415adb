import rule from '../../../../src/core/dockerfile/rules/pip-pin';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install flask==3.0.3 "requests>=2.32,<3" django~=5.0',
    'FROM python:3.12-slim\nRUN pip install -r requirements.txt',
    'FROM python:3.12-slim\nRUN pip install --index-url https://pypi.example/simple --no-cache-dir flask==3.0.3',
    'FROM python:3.12-slim\nRUN pip install . ./lib /wheels/app-1.0-py3-none-any.whl',
    'FROM python:3.12-slim\nRUN pip install git+https://github.com/org/lib.git@v1.2.0',
    'FROM python:3.12-slim\nRUN pip install -c constraints.txt flask',
    'FROM python:3.12-slim\nRUN pip install --upgrade pip setuptools wheel',
    'FROM python:3.12-slim\nRUN pip install $PACKAGES',
    { name: 'option values are not packages', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir --root-user-action ignore poetry==1.8.5' },
    { name: 'pipx pinned', code: 'FROM python:3.12-slim\nRUN pipx install --python "$(which python)" "poetry==1.8.5"' },
    { name: 'pipenv is not pip', code: 'FROM python:3.12-slim\nRUN pipenv install black' },
  ],
  invalid: [
    { name: 'version set only before FROM', code: 'ARG FLASK=3.0.3\nFROM python:3.12-slim\nRUN pip install flask==$FLASK', errors: [[3, 17, 3, 30]] },
    { code: 'FROM python:3.12-slim\nRUN pip install flask requests==2.32.3', errors: [[2, 17, 2, 22]] },
    { name: 'VCS source without a ref', code: 'FROM python:3.12-slim\nRUN pip install git+ssh://git@github.com/org/lib.git', errors: [[2, 17, 2, 53]] },
    { name: 'option=value, then a package', code: 'FROM python:3.12-slim\nRUN pip install --root-user-action=ignore mypkg', errors: [[2, 43, 2, 48]] },
    { name: 'pipx unpinned', code: 'FROM python:3.12-slim\nRUN pipx install --suffix 2 black', errors: [[2, 29, 2, 34]] },
    { code: 'FROM python:3.12-slim\nRUN python3 -m pip install --user -U "uvicorn[standard]"', errors: [[2, 38, 2, 57]] },
  ],
});
