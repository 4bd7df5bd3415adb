import rule from '../../../../src/core/dockerfile/rules/loopback-bind';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: ['FROM python:3.13\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0"]', 'FROM python:3.13\nCMD ["flask", "run"]'],
  invalid: [
    {
      code: 'FROM python:3.13\nCMD ["uvicorn", "app:app", "--host", "127.0.0.1"]',
      errors: [[2, 39, 2, 48]],
      output: 'FROM python:3.13\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0"]',
    },
    { code: 'FROM python:3.13\nCMD gunicorn --bind=localhost:8000 app:app', errors: [[2, 21, 2, 35]], output: 'FROM python:3.13\nCMD gunicorn --bind=0.0.0.0:8000 app:app' },
  ],
});
