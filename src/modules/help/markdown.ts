import MarkdownIt from 'markdown-it';

// HTML in the source is shown as text (html: false); markdown-it also refuses
// javascript:, vbscript: and data: (except images) link targets.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** Help prose (ours or admin-edited) to HTML that is safe to insert as is. */
export const renderMarkdown = (source: string) => md.render(source);
