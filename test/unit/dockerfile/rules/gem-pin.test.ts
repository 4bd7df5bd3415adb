import rule from '../../../../src/core/dockerfile/rules/gem-pin';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.18',
    'FROM ruby:3.3-slim\nRUN gem install bundler -v 2.5.18',
    'FROM ruby:3.3-slim\nRUN gem install --version=2.5.18 bundler',
    'FROM ruby:3.3-slim\nRUN bundle install',
  ],
  invalid: [{ code: 'FROM ruby:3.3-slim\nRUN gem install --no-document rails bundler:2.5.18', errors: [[2, 31, 2, 36]] }],
});
