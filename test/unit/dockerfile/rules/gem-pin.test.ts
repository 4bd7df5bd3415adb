import rule from '../../../../src/core/dockerfile/rules/gem-pin';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.18',
    'FROM ruby:3.3-slim\nRUN gem install bundler -v 2.5.18',
    'FROM ruby:3.3-slim\nRUN gem install --version=2.5.18 bundler',
    'FROM ruby:3.3-slim\nRUN bundle install',
    { name: 'build options after --', code: 'FROM ruby:3.3-slim\nRUN gem install nokogiri:1.16.7 -- --use-system-libraries true' },
    { name: 'the word after an option gem rejects', code: 'FROM ruby:3.3-slim\nRUN gem install bundler:2.0.1 --use-system-libraries true' },
    { name: 'option values', code: 'FROM ruby:3.3-slim\nRUN gem install -i /gems --without test --document rdoc rake:13.2.1' },
  ],
  invalid: [
    { code: 'FROM ruby:3.3-slim\nRUN gem install --no-document rails bundler:2.5.18', errors: [[2, 31, 2, 36]] },
    { name: 'before --', code: 'FROM ruby:3.3-slim\nRUN gem install -N nokogiri -- --use-system-libraries', errors: [[2, 20, 2, 28]] },
    { name: 'an abbreviated option', code: 'FROM ruby:3.3-slim\nRUN gem install --no-doc rails', errors: [[2, 26, 2, 31]] },
    { name: 'gem i', code: 'FROM ruby:3.3-slim\nRUN gem i --user-install -f rake', errors: [[2, 29, 2, 33]] },
  ],
});
