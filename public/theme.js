try {
  const theme = localStorage.getItem('letta-admin.theme') || 'system'
  document.documentElement.classList.toggle(
    'dark',
    theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches),
  )
} catch {
  // Storage blocked: the CSS follows the system theme.
}
