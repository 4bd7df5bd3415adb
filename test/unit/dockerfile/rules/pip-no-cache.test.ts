import rule from '../../../../src/core/dockerfile/rules/pip-no-cache';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt',
    'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt',
    'FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=1 pip install -r requirements.txt',
    'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
    { name: 'builder stage', code: 'FROM python:3.12 AS build\nRUN pip install -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=build /venv /venv' },
    'FROM python:3.12-slim\nRUN pip freeze',
    { name: 'an abbreviation pip accepts', code: 'FROM python:3.12-slim\nRUN pip install --no-cache -r requirements.txt' },
    { name: 'exported earlier in the RUN', code: 'FROM python:3.12-slim\nRUN export PIP_NO_CACHE_DIR=1 && pip install -r requirements.txt' },
    { name: 'any value disables the cache', code: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=false\nRUN pip install -r requirements.txt' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt',
      errors: [[2, 9, 2, 16]],
      output: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt',
    },
    {
      name: 'a shell variable, not exported',
      code: 'FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=1; pip install -r requirements.txt',
      errors: [[2, 29, 2, 36]],
    },
    { name: 'exported after the install', code: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt && export PIP_NO_CACHE_DIR=1', errors: [[2, 9, 2, 16]] },
    { code: 'FROM python:3.12-slim\nRUN python3 -m pip install flask==3.0.3', errors: [[2, 20, 2, 27]] },
  ],
});
