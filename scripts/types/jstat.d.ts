// jstat 1.9.6 ships no TypeScript types: the part of its API scripts/stats uses.
declare module 'jstat' {
  interface JStat {
    /** Complementary error function (absolute accuracy ~1e-16). */
    erfc(x: number): number;
    studentt: {
      cdf(x: number, dof: number): number;
      pdf(x: number, dof: number): number;
      inv(p: number, dof: number): number;
    };
    chisquare: {
      cdf(x: number, dof: number): number;
    };
    centralF: {
      cdf(x: number, df1: number, df2: number): number;
    };
  }
  const jStat: JStat;
  export default jStat;
}
