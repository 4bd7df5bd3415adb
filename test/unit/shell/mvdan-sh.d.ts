// mvdan-sh ships no types; we use a small, loosely typed surface of its syntax package.
declare module 'mvdan-sh' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export const syntax: any;
}
