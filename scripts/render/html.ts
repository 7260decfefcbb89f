// Escaping text into HTML: the one function for the few places that write markup themselves
// (the templates escape through Nunjucks).
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
