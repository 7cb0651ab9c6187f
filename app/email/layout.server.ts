/** A mail is a list of blocks; the plain-text and HTML versions are made from the same list. */
export type EmailBlock =
  | { type: "paragraph"; text: string }
  | { type: "button"; label: string; href: string }
  | { type: "code"; label: string; code: string }
  | { type: "small"; text: string };

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function textBlock(block: EmailBlock): string {
  switch (block.type) {
    case "paragraph":
    case "small":
      return block.text;
    case "button":
      return `${block.label}:\n${block.href}`;
    case "code":
      return `${block.label}: ${block.code}`;
  }
}

function htmlBlock(block: EmailBlock): string {
  switch (block.type) {
    case "paragraph":
      return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
    case "small":
      return `<p style="margin:0 0 16px;font-size:14px;color:#4a4a4a">${escapeHtml(block.text)}</p>`;
    case "button":
      return `<p style="margin:0 0 16px"><a href="${escapeHtml(block.href)}" style="display:inline-block;padding:12px 20px;background:#0b5394;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold">${escapeHtml(block.label)}</a></p><p style="margin:0 0 16px;font-size:14px;color:#4a4a4a;word-break:break-all">${escapeHtml(block.href)}</p>`;
    case "code":
      return `<p style="margin:0 0 16px">${escapeHtml(block.label)}: <strong style="font-size:22px;letter-spacing:4px;font-family:monospace">${escapeHtml(block.code)}</strong></p>`;
  }
}

/**
 * Renders a mail in the organisation's name: plain text plus simple HTML (inline styles
 * only, as mail clients require).
 */
export function renderEmail(options: {
  lang: string;
  subject: string;
  organisationName: string;
  blocks: EmailBlock[];
  footer: string;
}): EmailContent {
  const text = [...options.blocks.map(textBlock), "--", options.footer].join("\n\n") + "\n";
  const html = `<!doctype html>
<html lang="${escapeHtml(options.lang)}">
<head><meta charset="utf-8"><title>${escapeHtml(options.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f4;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">
<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:6px">
<p style="margin:0 0 24px;font-weight:bold;color:#0b5394">Rondom · ${escapeHtml(options.organisationName)}</p>
${options.blocks.map(htmlBlock).join("\n")}
<hr style="border:none;border-top:1px solid #dddddd;margin:24px 0">
<p style="margin:0;font-size:13px;color:#4a4a4a">${escapeHtml(options.footer)}</p>
</div>
</body>
</html>
`;
  return { subject: options.subject, text, html };
}
