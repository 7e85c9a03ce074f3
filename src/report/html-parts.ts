/** A table cell: its HTML (already escaped), and for numbers the value the sorting script compares. */
export interface Cell {
  html: string;
  /** A number, right-aligned with tabular figures, sorted by this value rather than by its text. */
  sort?: number;
  /** The row's header cell (`<th scope="row">`): what the row is about. */
  rowHeader?: boolean;
}

export interface Column {
  label: string;
  numeric?: boolean;
}

export interface Row {
  cells: Cell[];
  /** A CSS class for the whole row, such as `over` for a page over the budget. */
  kind?: string;
}

export const numberCell = (value: number, html = String(value)): Cell => ({ html, sort: value });

/** A table with a caption and column headers; `sortable` lets the report's script sort it by a column. */
export function tableHtml(caption: string, columns: readonly Column[], rows: readonly Row[], { sortable = true } = {}): string {
  const head = columns.map((column) => `<th scope="col"${column.numeric === true ? ' class="num"' : ''}>${column.label}</th>`).join('');
  const body = rows
    .map((row) => {
      const cells = row.cells.map((cell) => {
        const tag = cell.rowHeader === true ? 'th scope="row"' : 'td';
        const numeric = cell.sort === undefined ? '' : ` class="num" data-sort="${cell.sort}"`;
        return `<${tag}${numeric}>${cell.html}</${tag === 'td' ? 'td' : 'th'}>`;
      });
      return `<tr${row.kind === undefined ? '' : ` class="${row.kind}"`}>${cells.join('')}</tr>`;
    })
    .join('\n');
  return (
    `<div class="table-wrap"><table${sortable ? ' data-sortable' : ''}><caption>${caption}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`
  );
}

/** A part of the report under its own heading; `id` links it from the contents. */
export interface Section {
  id: string;
  heading: string;
  html: string;
}

export function section(id: string, heading: string, body: string): Section {
  return {
    id,
    heading,
    html: `<section id="${id}" aria-labelledby="${id}-heading"><h2 id="${id}-heading">${heading}</h2>\n${body}\n</section>`,
  };
}
