/**
 * Go's path package (base, dir, clean, ext, isAbs: always '/'-separated) and path/filepath for the os*
 * variants, which on Linux and macOS (where Helm runs for us) behave the same.
 */
import { FuncMap, goFunc } from '../gotemplate/values';

/** path.Clean: lexical normalisation of ., .. and repeated slashes. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

export function basePath(p: string): string {
  if (p === '') return '.';
  p = p.replace(/\/+$/, '');
  if (p === '') return '/';
  return p.slice(p.lastIndexOf('/') + 1);
}

export function dirPath(p: string): string {
  return cleanPath(p.slice(0, p.lastIndexOf('/') + 1));
}

export function extPath(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

export function pathFunctions(): FuncMap {
  const fns: FuncMap = {};
  const add = (name: string, f: (p: string) => string | boolean): void => {
    fns[name] = goFunc(name, ['string'], (p) => f(p as string));
    const os = 'os' + name[0].toUpperCase() + name.slice(1);
    fns[os] = goFunc(os, ['string'], (p) => f(p as string));
  };
  add('base', basePath);
  add('dir', dirPath);
  add('clean', cleanPath);
  add('ext', extPath);
  add('isAbs', (p) => p.startsWith('/'));
  return fns;
}
