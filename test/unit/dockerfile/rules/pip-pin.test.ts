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
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nRUN pip install flask requests==2.32.3', errors: [[2, 17, 2, 22]] },
    { name: 'VCS source without a ref', code: 'FROM python:3.12-slim\nRUN pip install git+ssh://git@github.com/org/lib.git', errors: [[2, 17, 2, 53]] },
    { code: 'FROM python:3.12-slim\nRUN python3 -m pip install --user -U "uvicorn[standard]"', errors: [[2, 38, 2, 57]] },
  ],
});
