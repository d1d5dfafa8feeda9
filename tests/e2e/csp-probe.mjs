// Records Content-Security-Policy violations of a page: the events its
// document fires and the browser's console reports (those cover its frames too).
//   const csp = await watchCsp(page);  … await csp.violations() → ['script-src-elem inline', …]
export async function watchCsp(page) {
  const reports = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) reports.push(m.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI || 'inline'}`);
    });
  });
  return {
    /** Violations seen by the main frame's current document, then console reports. */
    violations: async () => [...(await page.evaluate(() => window.__cspViolations)), ...reports],
  };
}
