/** Counts as readers see them on every page: "1,613", the same whatever the build machine's locale. */
const count = new Intl.NumberFormat('en-US');

export const formatCount = (n: number): string => count.format(n);
