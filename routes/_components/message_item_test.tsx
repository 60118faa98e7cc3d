import assert from "node:assert/strict";
import { renderToString } from "preact-render-to-string";
import type { StoredMessage } from "../../lib/db/messages.ts";
import { MessageItem, type MessageProps } from "./message_item.tsx";

const base: StoredMessage = {
  seq: 7,
  date: "2024-03-04T21:05:09",
  author: "Ann",
  text: "",
  kind: "text",
  attachment: null,
  edited: false,
};

function html(m: Partial<StoredMessage>, props: Partial<MessageProps> = {}) {
  return renderToString(
    <MessageItem m={{ ...base, ...m }} conversationId="c1" mine={false} {...props} />,
  );
}

/** The article's body: between the screen-reader author and the footer. */
function body(out: string) {
  return out.slice(
    out.indexOf("</span>", out.indexOf('class="sr-only"')) + 7,
    out.indexOf("<footer>"),
  );
}

const file = (url: string, contentType: string, size = 1234) => ({ url, contentType, size });

Deno.test("MessageItem: text, edited, deleted, system", () => {
  assert.equal(
    html({ text: "hi *there*", edited: true }),
    '<li class="msg theirs kind-text run-start" id="m7" data-author="Ann"><article><span class="sr-only" dir="auto">Ann:</span>' +
      '<p class="text" dir="auto">hi <strong>there</strong></p><footer><span class="edited">Edited</span>' +
      '<a class="stamp" href="/c/c1/m/7#m7" title="Monday, March 4, 2024, 21:05"><time datetime="2024-03-04T21:05:09">21:05</time></a>' +
      "</footer></article></li>",
  );
  assert.equal(
    body(html({ kind: "deleted", text: "This message was deleted" })),
    '<p class="deleted" dir="auto"><span aria-hidden="true">🚫</span> This message was deleted</p>',
  );
  assert.match(
    html({ kind: "system", author: null, text: "Bob joined <b>" }, { current: true }),
    /^<li class="system current" id="m7" aria-current="true"><article><p dir="auto">Bob joined &lt;b><\/p><footer>/,
  );
  // Without a conversation (e.g. a shared page) the time is not a link.
  assert.match(
    renderToString(<MessageItem m={{ ...base, text: "x" }} mine />),
    /<span class="stamp" title="[^"]+"><time datetime="2024-03-04T21:05:09">21:05<\/time><\/span>/,
  );
});

Deno.test("MessageItem: polls, locations and contact cards render for what they are", () => {
  assert.equal(
    body(
      html({
        kind: "poll",
        text: "POLL:\nLunch?\nOPTION: Pizza (2 votes)\nOPTION: Sushi (0 votes)",
      }),
    ),
    '<figure class="poll"><figcaption dir="auto"><span aria-hidden="true">📊</span> Lunch?</figcaption><ul>' +
      '<li><span class="option" dir="auto">Pizza</span><meter min="0" max="2" value="2"></meter><span class="votes">2 votes</span></li>' +
      '<li><span class="option" dir="auto">Sushi</span><meter min="0" max="2" value="0"></meter><span class="votes">0 votes</span></li>' +
      "</ul></figure>",
  );
  assert.equal(
    body(html({ kind: "location", text: "location: https://maps.google.com/?q=52.37,4.89" })),
    '<div class="location"><p><span aria-hidden="true">📍</span> Location<span class="coords"> 52.37, 4.89</span></p>' +
      '<a href="https://maps.google.com/?q=52.37,4.89" rel="noopener nofollow ugc" target="_blank">Open in maps</a></div>',
  );
  assert.equal(
    body(html({ kind: "location", text: "live location shared" })),
    '<p class="location"><span aria-hidden="true">📍</span> <span dir="auto">live location shared</span></p>',
  );
  assert.equal(
    body(html(
      { kind: "contact", attachment: "00000004-Jane Doe.vcf" },
      {
        file: file("/f/jane.vcf", "text/vcard"),
        contacts: [{ name: "Jane Doe", phones: ["+31 6 1234-5678"] }],
      },
    )),
    '<div class="contact-card"><span class="avatar" aria-hidden="true">JD</span><div><strong dir="auto">Jane Doe</strong>' +
      '<a class="phone" href="tel:+31612345678">+31 6 1234-5678</a><a href="/f/jane.vcf" download="Jane Doe.vcf">Save contact</a></div></div>',
  );
  // Not in the zip: the name from the file name, no number, no download.
  assert.match(
    body(html({ kind: "contact", attachment: "Peter.vcf" })),
    /<strong dir="auto">Peter<\/strong><\/div><\/div>$/,
  );
  assert.equal(
    body(html({ kind: "contact", text: "Contact card omitted" })),
    '<p class="omitted" title="Contact card omitted"><span aria-hidden="true">👤</span> <span dir="auto">Contact card omitted</span> — not included in this export</p>',
  );
});

Deno.test("MessageItem: a photo's box has its own shape, fitted in 320 × 400; 4:3 when unknown", () => {
  const photo = (size: { width?: number | null; height?: number | null }) => {
    const out = html({ kind: "media", attachment: "IMG-20240304-WA0001.jpg" }, {
      file: { ...file("/f/a.jpg", "image/jpeg"), ...size },
    });
    const [, w, h] = out.match(/<img [^>]*width="(\d+)" height="(\d+)"/)!;
    return [Number(w), Number(h)];
  };
  assert.deepEqual(photo({ width: 3024, height: 4032 }), [300, 400], "an upright phone photo");
  assert.deepEqual(photo({ width: 1600, height: 900 }), [320, 180], "a wide one");
  assert.deepEqual(photo({ width: 1000, height: 1000 }), [320, 320], "a square one");
  assert.deepEqual(photo({ width: 60, height: 80 }), [300, 400], "a small one, scaled up");
  assert.deepEqual(photo({ width: 6000, height: 500 }), [320, 80], "a panorama: a least height");
  // Media imported before sizes were recorded, or whose size could not be read: 4:3, as before.
  assert.deepEqual(photo({ width: null, height: null }), [320, 240]);
  assert.deepEqual(photo({}), [320, 240]);
  // A sticker keeps its square box whatever it says (WhatsApp's are 512 × 512).
  const sticker = html({ kind: "media", attachment: "STK-20240304-WA0002.webp" }, {
    file: { ...file("/f/s.webp", "image/webp"), width: 512, height: 256 },
  });
  assert.match(sticker, /class="sticker"[^>]* width="160" height="160"/);
});

Deno.test("MessageItem: media inline, stickers without a bubble, placeholders for omitted media", () => {
  assert.equal(
    body(
      html({ kind: "media", attachment: "IMG-20240304-WA0001.jpg", text: "Look" }, {
        file: file("/f/a.jpg", "image/jpeg"),
      }),
    ),
    '<a class="media image" href="/f/a.jpg" data-lightbox><img src="/f/a.jpg" alt="Photo from Ann, Mar 4, 2024, 21:05" data-kind="Photo" width="320" height="240" loading="lazy" decoding="async"/></a>' +
      '<p class="text" dir="auto">Look</p>',
  );
  const sticker = html({ kind: "media", attachment: "STK-20240304-WA0002.webp" }, {
    file: file("/f/s.webp", "image/webp"),
  });
  assert.match(sticker, /^<li class="msg theirs kind-media run-start sticker" /);
  assert.match(
    sticker,
    /<img class="sticker" src="\/f\/s.webp" alt="Sticker from Ann, Mar 4, 2024, 21:05" data-kind="Sticker" width="160" height="160" loading="lazy" decoding="async"\/>/,
  );
  assert.match(
    body(html({ kind: "media", attachment: "VID-1.mp4" }, { file: file("/f/v.mp4", "video/mp4") })),
    /^<video class="media video" src="\/f\/v.mp4" controls preload="metadata" width="320" height="180" playsinline><a href="\/f\/v.mp4" download="VID-1.mp4">/,
  );
  assert.equal(
    body(
      html({ kind: "media", attachment: "PTT-20240304-WA0003.opus" }, {
        file: file("/f/p.opus", "audio/ogg"),
      }),
    ),
    '<figure class="audio voice"><figcaption><span aria-hidden="true">🎤</span> Voice message</figcaption>' +
      '<audio src="/f/p.opus" controls preload="none"><a href="/f/p.opus" download="PTT-20240304-WA0003.opus">Download the audio</a></audio>' +
      '<a class="media-download" href="/f/p.opus" download="PTT-20240304-WA0003.opus">Download (1.2 KB)</a></figure>',
  );
  assert.equal(
    body(
      html({ kind: "media", attachment: "Report 2024.pdf" }, {
        file: file("/f/r.pdf", "application/pdf", 1_500_000),
      }),
    ),
    '<a class="doc" href="/f/r.pdf" download="Report 2024.pdf"><span class="doc-icon" aria-hidden="true">📄</span>' +
      '<span class="doc-name" dir="auto">Report 2024.pdf</span><span class="doc-meta">PDF · 1.4 MB · Download</span></a>',
  );
  assert.equal(
    body(html({ kind: "media", text: "<Media omitted>" })),
    '<p class="omitted" title="&lt;Media omitted>"><span aria-hidden="true">🖼️</span> Media not included in this export</p>',
  );
  // iOS says which medium it was, in the phone's language: shown (it was only a tooltip).
  assert.equal(
    body(html({ kind: "media", text: "Plan.pdf • 3 pages document omitted" })),
    '<p class="omitted" title="Plan.pdf • 3 pages document omitted"><span aria-hidden="true">🖼️</span> <span dir="auto">Plan.pdf • 3 pages document omitted</span> — not included in this export</p>',
  );
  assert.equal(
    body(html({ kind: "media", attachment: "IMG-9.jpg" })),
    '<p class="omitted"><span aria-hidden="true">🖼️</span> <span dir="auto">IMG-9.jpg</span> — not included in this export</p>',
  );
});
