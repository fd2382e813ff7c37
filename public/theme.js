// Applies the saved theme before the first paint, so a dark page never flashes white. A file, not
// an inline script, so the Content-Security-Policy can forbid inline scripts.
;(function () {
  try {
    var saved = localStorage.getItem('letta-admin.theme') || 'system'
    var dark =
      saved === 'dark' ||
      (saved === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches)
    document.documentElement.classList.toggle('dark', dark)
  } catch {
    // Storage can be blocked; the page then follows the system theme from the CSS.
  }
})()
