/**
 * The conversation page's "Export" menu: a `<details>` whose plain GET form (works without
 * JavaScript) downloads the conversation, or a range of it, from the export API. Open, the
 * form is a panel over the page (static/app.css), so the sticky header keeps its height.
 */
export function ExportMenu(props: {
  conversationId: string;
  /** Wall-clock `YYYY-MM-DDTHH:MM:SS` bounds, to bound the date pickers. */
  firstDate: string | null;
  lastDate: string | null;
  pdfMax: number;
}) {
  const min = props.firstDate?.slice(0, 10), max = props.lastDate?.slice(0, 10);
  return (
    <details class="export-menu">
      <summary>Export</summary>
      <form method="get" action={`/api/conversations/${props.conversationId}/export`}>
        <label>
          Format{" "}
          <select name="format">
            <option value="pdf">
              PDF transcript (up to {props.pdfMax.toLocaleString("en")} messages)
            </option>
            <option value="txt">WhatsApp .txt (re-importable)</option>
            <option value="csv">CSV (spreadsheet)</option>
            <option value="json">JSON</option>
            <option value="original">Original upload</option>
          </select>
        </label>
        <fieldset>
          <legend>Range (optional; leave empty for everything)</legend>
          <label>
            From message # <input type="number" name="from" min="1" inputMode="numeric" />
          </label>
          <label>
            to # <input type="number" name="to" min="1" inputMode="numeric" />
          </label>
          <label>
            From day <input type="date" name="fromDate" min={min} max={max} />
          </label>
          <label>
            to day <input type="date" name="toDate" min={min} max={max} />
          </label>
        </fieldset>
        <button type="submit">Download</button>
        <p class="muted">Or print this page for a transcript of the messages shown.</p>
        <p>
          <a href={`/c/${props.conversationId}/privacy#share`}>Share a read-only link</a>{" "}
          instead (all of it or some days, optionally redacted).
        </p>
      </form>
    </details>
  );
}
