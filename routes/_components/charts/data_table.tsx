import type { ComponentChildren } from "preact";

/** A cell: text, or a number (right-aligned, formatted with thousands separators). */
export type Cell = string | number | { node: ComponentChildren; numeric?: boolean };

/**
 * The text alternative of a chart: a table inside `<details><summary>Table</summary>`. The
 * first cell of each row is its header (`<th scope="row">`).
 */
export function DataTable(props: { caption: string; head: string[]; rows: Cell[][] }) {
  return (
    <details class="chart-table">
      <summary>Table</summary>
      <div class="table-scroll">
        <table>
          <caption>{props.caption}</caption>
          <thead>
            <tr>{props.head.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                {row.map((cell, i) =>
                  i === 0
                    ? <th key={i} scope="row">{show(cell)}</th>
                    : <td key={i} class={isNumeric(cell) ? "num" : undefined}>{show(cell)}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function isNumeric(cell: Cell): boolean {
  return typeof cell === "number" || (typeof cell === "object" && cell.numeric === true);
}

function show(cell: Cell): ComponentChildren {
  if (typeof cell === "number") return cell.toLocaleString("en");
  if (typeof cell === "string") return cell;
  return cell.node;
}
