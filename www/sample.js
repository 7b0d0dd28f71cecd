// The body preloaded in the page: a customers/getAll request with mistakes a partner makes, so the
// first thing a visitor sees is what findings look like. The tokens are the documentation's
// public demo tokens. tests/node/payloads.mjs reads this file too.

export const SAMPLE = {
  address: '/api/connector/v1/customers/getAll',
  body: `{
  "ClientToken": "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D",
  "AccessToken": "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D",
  "Client": "Sample Client 1.0.0",
  "CreatedUtc": {
    "StartUtc": "2026-01-01T00:00:00Z",
    "EndUtc": "2026-02-01T00:00:00Z"
  },
  "Extent": {
    "Customers": "yes"
  },
  "Limitation": {
    "Count": 5000
  }
}
`,
};
