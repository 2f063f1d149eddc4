// Build shim: stands in for `fast-text-encoding`, a TextEncoder polyfill that lightning-fs pulls in through
// isomorphic-textencoder. It installs itself on `window ?? global ?? this`, all three undefined in an MV3 service
// worker, so it threw while the background script loaded and no message listener was ever registered. Every
// browser we support has TextEncoder/TextDecoder natively: nothing to polyfill.
export {};
