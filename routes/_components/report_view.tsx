import type { DateOrder } from "../../lib/parse/types.ts";
import type { ReparsePreview } from "../../lib/reparse/preview.ts";
import type { ImportReport } from "../../lib/reparse/report.ts";
import { formatShortDay, formatTime } from "./dates.ts";
import { Names } from "./names.tsx";
import { conversationHref } from "./conversation_href.ts";
import { permalink } from "./message_item.tsx";
import type { MediaCoverage } from "../../lib/db/media_coverage.ts";
import { attachmentDisplayName } from "../../lib/format/attachment_name.ts";

/** How a date order reads to a person. */
export const ORDER_LABEL: Record<DateOrder, string> = {
  DMY: "day-first (31/12/2024)",
  MDY: "month-first (12/31/2024)",
  YMD: "year-first (2024/12/31)",
};
const SHORT: Record<DateOrder, string> = {
  DMY: "day-first",
  MDY: "month-first",
  YMD: "year-first",
};

const CERTAINTY: Record<string, string> = {
  certain: "certain: a date in the file can only be read this way",
  inferred: "inferred: this reading keeps the messages in chronological order",
  guessed: "guessed: the dates could be read either way; this is the usual order for the format",
};

const LANGUAGES = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

/** A language code as a person reads it: `Hebrew (he)`; the code alone when Intl has no name. */
export function languageLabel(code: string): string {
  const name = LANGUAGES.of(code);
  return name === undefined || name === code ? code : `${name} (${code})`;
}

const bytes = (n: number) =>
  n < 1024
    ? `${n} bytes`
    : n < 1048576
    ? `${(n / 1024).toFixed(1)} KB`
    : `${(n / 1048576).toFixed(1)} MB`;

const when = (date: string) => `${formatShortDay(date)}, ${formatTime(date)}`;

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** The media of the import: files, and those the chat names but the zip does not hold. */
function MediaSection(props: { media: MediaCoverage; conversationId: string }) {
  const m = props.media;
  return (
    <section aria-labelledby="media">
      <h2 id="media">Media</h2>
      <p data-field="media">
        {m.files === 0 && m.referenced === 0
          ? "No media files: the export was made without media, or the chat has none."
          : `${count(m.files, "file", "files")} in the export.`}
        {m.omitted > 0 &&
          ` ${
            count(m.omitted, "message says", "messages say")
          } its media was left out of the export.`}
      </p>
      {m.missing > 0 && (
        <>
          <p data-field="media-missing">
            {count(m.missing, "message names a file", "messages name a file")}{" "}
            the export does not hold (WhatsApp skipped it, or it was removed from the zip); the chat
            shows “not included in this export” there.
            {m.missingSamples.length < m.missing && ` The first ${m.missingSamples.length}:`}
          </p>
          <ul class="missing-media">
            {m.missingSamples.map((s) => (
              <li>
                <a href={permalink(props.conversationId, s.ref)} dir="auto">
                  {attachmentDisplayName(s.name)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The import report: what the parser detected, the unplaced lines, the file, the switch. */
export function ReportView({ report }: { report: ImportReport }) {
  const p = report.parse;
  return (
    <>
      <h1>
        Import report: <bdi>{report.file.name}</bdi>
      </h1>
      {!p && (
        <p class="notice" role="status">This import has not been read yet ({report.status}).</p>
      )}
      {p && (
        <section aria-labelledby="detected">
          <h2 id="detected">What the parser found</h2>
          <dl class="report">
            <dt>Platform</dt>
            <dd data-field="platform">
              {p.platform}
              {p.layout === "ios-old" && " (the older iOS layout)"}
            </dd>
            <dt>Language</dt>
            <dd data-field="language">
              {p.language === null ? "not recognised" : languageLabel(p.language)}
            </dd>
            <dt>Date order</dt>
            <dd data-field="date-order">
              {ORDER_LABEL[p.dateOrder]} —{" "}
              {p.dateOrderSource === "chosen" ? "chosen by you" : CERTAINTY[p.dateOrderCertainty]}
            </dd>
            <dt>Clock</dt>
            <dd data-field="clock">{p.clock === "12h" ? "12-hour (AM/PM)" : "24-hour"}</dd>
            <dt>Messages</dt>
            <dd data-field="messages">{p.messages.toLocaleString("en")}</dd>
            <dt>Participants</dt>
            <dd data-field="participants">
              {p.participants.length ? <Names names={p.participants} /> : "none"}
            </dd>
            <dt>Parser version</dt>
            <dd data-field="parser-version">
              {report.parserVersion}
              {report.parserVersion < report.currentParserVersion &&
                ` (current: ${report.currentParserVersion}; it will be read again)`}
            </dd>
          </dl>
          {report.switchTo.length > 0 && (
            <p class="date-switch">
              {report.switchTo.map((o) => (
                <a class="button" href={`/imports/${report.id}/reparse?dateOrder=${o}`}>
                  Read dates as {SHORT[o]} instead
                </a>
              ))}
            </p>
          )}
          {report.reparseBlocked && (
            <p class="muted" data-field="reparse-blocked">
              The date order cannot be changed here: {report.reparseBlocked}.
            </p>
          )}
        </section>
      )}
      {p && (
        <section aria-labelledby="unplaced">
          <h2 id="unplaced">Lines that could not be placed</h2>
          {p.unplacedLines === 0
            ? <p data-field="unplaced">None: every line was read as a message or part of one.</p>
            : (
              <>
                <p data-field="unplaced">
                  {p.unplacedLines.toLocaleString("en")} {p.unplacedLines === 1 ? "line" : "lines"}
                  {" "}
                  could not be read as{" "}
                  {p.unplacedLines === 1 ? "a message" : "messages"}; kept as text of a neighbouring
                  message.
                  {p.unplacedSamples.length < p.unplacedLines &&
                    ` The first ${p.unplacedSamples.length}:`}
                </p>
                <table class="unplaced">
                  <thead>
                    <tr>
                      <th scope="col">Line</th>
                      <th scope="col">Text</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.unplacedSamples.map((s) => (
                      <tr>
                        <td>{s.line}</td>
                        <td dir="auto">
                          <code>{s.text}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
        </section>
      )}
      {report.media && report.conversationId && (
        <MediaSection media={report.media} conversationId={report.conversationId} />
      )}
      <section aria-labelledby="original">
        <h2 id="original">The original upload</h2>
        <dl class="report">
          <dt>File name</dt>
          <dd data-field="file-name">
            <bdi>{report.file.name}</bdi>
          </dd>
          <dt>Size</dt>
          <dd data-field="file-size">{bytes(report.file.size)}</dd>
          <dt>SHA-256</dt>
          <dd>
            <code data-field="sha256">{report.file.sha256}</code>
          </dd>
        </dl>
      </section>
      <p>
        {report.conversationId && (
          <>
            <a href={conversationHref(report.conversationId)}>Open the conversation</a> ·{" "}
          </>
        )}
        <a href="/">Back to your chats</a>
      </p>
    </>
  );
}

/** The preview of a re-parse with another date order, and the form that confirms it. */
export function PreviewView(
  { id, preview, filename }: { id: string; preview: ReparsePreview; filename: string },
) {
  const p = preview;
  const to = SHORT[p.proposedOrder];
  return (
    <>
      <h1>
        Read <bdi>{filename}</bdi> {to}?
      </h1>
      {p.error
        ? (
          <p class="error" role="alert" data-field="preview-error">
            Read {to}, the file has no message at all: {p.error}
          </p>
        )
        : (
          <>
            <p data-field="changed">
              {p.changed === 0
                ? `No message date changes when read ${to}.`
                : `${p.changed.toLocaleString("en")} of ${p.messagesBefore.toLocaleString("en")} ` +
                  `message dates change when read ${to} instead of ${SHORT[p.currentOrder]}.`}
            </p>
            {p.messagesAfter !== p.messagesBefore && (
              <p class="notice" data-field="count-change">
                {p.messagesAfter.toLocaleString("en")} messages instead of{" "}
                {p.messagesBefore.toLocaleString("en")}: some dates are impossible read {to}{" "}
                ({p.unplacedAfter} lines could not be placed).
              </p>
            )}
            <p data-field="chronology">
              {p.inversionsAfter === 0
                ? `Read ${to}, the messages are in chronological order`
                : `Read ${to}, ${p.inversionsAfter.toLocaleString("en")} messages are dated ` +
                  `before the one above them`}
              {` (now: ${
                p.inversionsBefore === 0 ? "in order" : `${p.inversionsBefore} out of order`
              }).`}
            </p>
            {p.samples.length > 0 && (
              <table class="date-changes">
                <caption>
                  {p.samples.length < p.changed
                    ? `The first ${p.samples.length} changes`
                    : "Changes"}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Message</th>
                    <th scope="col">Now</th>
                    <th scope="col">Read {to}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.samples.map((s) => (
                    <tr>
                      <td dir="auto">
                        #{s.message} {s.author && <b>{s.author}:</b>} {s.text}
                      </td>
                      <td>
                        <time dateTime={s.before}>{when(s.before)}</time>
                      </td>
                      <td>
                        <time dateTime={s.after}>{when(s.after)}</time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      <form method="post" action={`/imports/${id}/reparse`}>
        <input type="hidden" name="dateOrder" value={p.proposedOrder} />
        <p class="muted">
          The conversation is read again from the stored original; shares and settings stay.
        </p>
        <button type="submit" disabled={p.error !== null}>Re-parse {to}</button>{" "}
        <a href={`/imports/${id}/report`}>Cancel</a>
      </form>
    </>
  );
}
