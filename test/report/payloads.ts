// HTML that tries to run script, navigate or send a request when a report is opened, by family:
// namespace confusion (mutation XSS), navigation without script, URLs that run code, requests.
// Each payload sends its name to `leak` if it works; `alert` where only a dialog can tell.
// Used by sanitize.test.ts (the sanitized markup, parsed again) and sanitize.integration.test.ts
// (a report in Chromium).

export interface Payload {
  name: string;
  html: string;
  /** Only a style sheet's request: the report's CSP stops it, the sanitizer leaves CSS as it is. */
  css?: boolean;
  /**
   * Mutates only where a serializer writes `<` and `>` in attribute values as they are (the HTML
   * standard until 2025, parse5 before 8, older browsers): kept for a sanitizer on such a DOM.
   */
  needsOldSerializer?: boolean;
}

export function payloads(leak: string): Payload[] {
  const to = (name: string) => `${leak}?secret=${name}`;
  const go = (name: string) => `location.href='${to(name)}'`;
  const refresh = (name: string) => `<meta http-equiv="refresh" content="0;url=${to(name)}">`;
  const img = (name: string) => `<img src=x onerror="${go(name)}">`;
  const list: Payload[] = [
    // Namespace confusion: inside <svg> and <math> these are not raw text, so the markup in them is markup.
    { name: "svg-style-refresh", html: `<svg><style>${refresh("svg-style-refresh")}</style></svg>` },
    { name: "math-style-refresh", html: `<math><style>${refresh("math-style-refresh")}</style></math>` },
    { name: "svg-style-img", html: `<svg><style>${img("svg-style-img")}</style></svg>` },
    { name: "svg-title-refresh", html: `<svg><title>${refresh("svg-title-refresh")}</title></svg>` },
    { name: "math-title-img", html: `<math><title>${img("math-title-img")}</title></math>` },
    { name: "svg-noscript", html: `<svg><noscript>${refresh("svg-noscript")}</noscript></svg>` },
    { name: "svg-textarea", html: `<svg><textarea>${img("svg-textarea")}</textarea></svg>` },
    { name: "svg-xmp", html: `<svg><xmp>${refresh("svg-xmp")}</xmp></svg>` },
    { name: "svg-noembed", html: `<svg><noembed>${img("svg-noembed")}</noembed></svg>` },
    { name: "svg-iframe", html: `<svg><iframe>${refresh("svg-iframe")}</iframe></svg>` },
    { name: "svg-template", html: `<svg><template>${refresh("svg-template")}</template></svg>` },
    { name: "math-mglyph-style", html: `<math><mtext><table><mglyph><style>${img("math-mglyph-style")}</style></mglyph></table></mtext></math>` },
    { name: "math-mglyph-svg", html: `<math><mtext><table><mglyph><svg><mtext><style><path id="</style>${img("math-mglyph-svg")}">`, needsOldSerializer: true },
    { name: "math-mglyph-comment", html: `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=&quot;${go("math-mglyph-comment")}&quot;&gt;">`, needsOldSerializer: true },
    { name: "svg-p-style", html: `<svg></p><style><a id="</style>${img("svg-p-style")}">` },
    { name: "math-textarea-path", html: `<math><mi><mglyph><svg><mtext><textarea><path id="</textarea>${img("math-textarea-path")}">` },
    { name: "form-math", html: `<form><math><mtext></form><form><mglyph><style></math>${img("form-math")}` },
    { name: "annotation-xml", html: `<math><annotation-xml encoding="text/html"><style>${img("annotation-xml")}</style></annotation-xml></math>` },
    { name: "svg-foreignobject", html: `<svg><foreignObject><iframe srcdoc="<script>parent.${go("svg-foreignobject")}</script>"></iframe></foreignObject></svg>` },
    // Raw text that a serializer could turn back into markup.
    { name: "noscript-title", html: `<noscript><p title="</noscript>${img("noscript-title")}">` },
    { name: "textarea-title", html: `<textarea><p title="</textarea>${img("textarea-title")}">` },
    { name: "xmp-title", html: `<xmp><p title="</xmp>${img("xmp-title")}">` },
    { name: "title-title", html: `<title><p title="</title>${img("title-title")}">` },
    { name: "style-close", html: `<style><p title="</style>${img("style-close")}">` },
    { name: "noembed-title", html: `<noembed><p title="</noembed>${img("noembed-title")}">` },
    // Comments that end early.
    { name: "comment-short", html: `<!-->${img("comment-short")}-->` },
    { name: "comment-bang", html: `<!-- --!>${img("comment-bang")} -->` },
    { name: "comment-in-attr", html: `<p title="<!--">${img("comment-in-attr")}--></p>` },
    // Navigation without script.
    { name: "meta-refresh", html: refresh("meta-refresh") },
    { name: "base-href", html: `<base href="${leak}"><a id="base-href" href="?secret=base-href">relative</a><img src="?secret=base-href-img">` },
    { name: "form-action", html: `<form action="${leak}"><input name="secret" value="form-action"><button id="form-action">send</button></form>` },
    { name: "button-formaction", html: `<form><button id="button-formaction" formaction="${to("button-formaction")}">send</button></form>` },
    { name: "form-attribute", html: `<form id="f" action="${to("form-attribute")}"></form><button form="f" id="form-attribute">send</button>` },
    { name: "input-image", html: `<form><input type="image" src="${to("input-image")}" formaction="${to("input-image-submit")}"></form>` },
    // URLs that run code.
    { name: "javascript-link", html: `<a id="javascript-link" href="javascript:${go("javascript-link")}">link</a>` },
    { name: "javascript-tab", html: `<a id="javascript-tab" href="java&#x09;script:${go("javascript-tab")}">link</a>` },
    { name: "javascript-space", html: `<a id="javascript-space" href=" &#x01;javascript:${go("javascript-space")}">link</a>` },
    { name: "javascript-entity", html: `<a id="javascript-entity" href="&#106;avascript:${go("javascript-entity")}">link</a>` },
    { name: "javascript-svg", html: `<svg><a xlink:href="javascript:${go("javascript-svg")}"><text id="javascript-svg" y="20">svg link</text></a></svg>` },
    { name: "javascript-svg-href", html: `<svg><a href="javascript:${go("javascript-svg-href")}"><text id="javascript-svg-href" y="20">svg link</text></a></svg>` },
    { name: "javascript-math", html: `<math><mi id="javascript-math" href="javascript:${go("javascript-math")}">x</mi></math>` },
    { name: "javascript-area", html: `<map name="m"><area id="javascript-area" href="javascript:${go("javascript-area")}" shape="default"></map>` },
    { name: "javascript-iframe", html: `<iframe src="javascript:parent.${go("javascript-iframe")}"></iframe>` },
    { name: "data-html-link", html: `<a id="data-html-link" href="data:text/html,<script>opener.${go("data-html-link")}</script>">data</a>` },
    { name: "data-html-iframe", html: `<iframe src="data:text/html,<script>parent.${go("data-html-iframe")}</script>"></iframe>` },
    { name: "data-html-object", html: `<object data="data:text/html,<script>parent.${go("data-html-object")}</script>"></object>` },
    { name: "data-svg-embed", html: `<embed src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='parent.${go("data-svg-embed")}'/>">` },
    { name: "srcdoc", html: `<iframe srcdoc="<script>parent.${go("srcdoc")}</script>"></iframe>` },
    { name: "svg-animate-href", html: `<svg><a><animate attributeName="href" values="javascript:${go("svg-animate-href")}"/><text id="svg-animate-href" y="20">animated</text></a></svg>` },
    { name: "svg-set-onload", html: `<svg><set attributeName="onload" to="${go("svg-set-onload")}"/></svg>` },
    // Scripts and handlers.
    { name: "script", html: `<script>${go("script")}</script>` },
    { name: "svg-script", html: `<svg><script>${go("svg-script")}</script></svg>` },
    { name: "img-onerror", html: img("img-onerror") },
    { name: "svg-onload", html: `<svg onload="${go("svg-onload")}"></svg>` },
    { name: "details-ontoggle", html: `<details open ontoggle="${go("details-ontoggle")}"><summary>s</summary>d</details>` },
    { name: "body-onload", html: `<body onload="${go("body-onload")}">` },
    { name: "style-onload", html: `<style onload="${go("style-onload")}"></style>` },
    // Requests: images, media, links, pings, style sheets.
    { name: "img-src", html: `<img src="${to("img-src")}">` },
    { name: "img-srcset", html: `<img srcset="${to("img-srcset")} 1x">` },
    { name: "picture-source", html: `<picture><source srcset="${to("picture-source")}"><img alt="p"></picture>` },
    { name: "video-poster", html: `<video poster="${to("video-poster")}" src="${to("video-src")}"></video>` },
    { name: "audio-src", html: `<audio autoplay src="${to("audio-src")}"></audio>` },
    { name: "svg-image", html: `<svg><image href="${to("svg-image")}" width="10" height="10"/></svg>` },
    { name: "svg-use", html: `<svg><use href="${to("svg-use")}#a"/></svg>` },
    { name: "svg-feimage", html: `<svg><filter id="fi"><feImage href="${to("svg-feimage")}"/></filter><rect filter="url(#fi)" width="5" height="5"/></svg>` },
    { name: "link-stylesheet", html: `<link rel="stylesheet" href="${to("link-stylesheet")}">` },
    { name: "link-prefetch", html: `<link rel="prefetch" href="${to("link-prefetch")}">` },
    { name: "a-ping", html: `<a id="a-ping" href="#here" ping="${to("a-ping")}">ping</a>` },
    { name: "table-background", html: `<table background="${to("table-background")}"><tr><td>t</td></tr></table>` },
    { name: "css-import", html: `<style>@import url("${to("css-import")}");</style>`, css: true },
    { name: "css-url", html: `<style>.css-url{background:url("${to("css-url")}")}</style><div class="css-url">css</div>`, css: true },
    { name: "css-attribute", html: `<div style="background-image:url('${to("css-attribute")}')">css</div>`, css: true },
    { name: "css-font", html: `<style>@font-face{font-family:leak;src:url("${to("css-font")}")}</style><p style="font-family:leak">font</p>`, css: true },
  ];
  return list;
}

/** The payloads' element ids a reader could click on. */
export function clickable(list: readonly Payload[]): string[] {
  return list.flatMap((p) => [...p.html.matchAll(/ id="([a-z-]+)"/g)].map((m) => m[1] as string)).filter((id) => id !== "f");
}
