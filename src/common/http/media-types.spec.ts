import {
  GRAPHQL_RESPONSE_JSON,
  JSON_TYPE,
  isAcceptedRequestType,
  negotiateResponseType,
  parseMediaType,
} from './media-types.js';

describe('parseMediaType', () => {
  it('reads the type in lower case and unquotes parameters', () => {
    const type = parseMediaType('Application/JSON; Charset="UTF-8"; q=0.5');
    expect(type?.essence).toBe('application/json');
    expect(Object.fromEntries(type!.params)).toEqual({ charset: 'UTF-8', q: '0.5' });
  });

  it('refuses what is not a media type', () => {
    expect(parseMediaType('json')).toBeNull();
    expect(parseMediaType('application/json/x')).toBeNull();
    expect(parseMediaType('')).toBeNull();
  });
});

describe('isAcceptedRequestType', () => {
  it('accepts JSON and application/graphql, in UTF-8 when a charset is named', () => {
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'application/json;charset=UTF8',
      'APPLICATION/JSON; Charset="utf-8"',
      'application/graphql',
      'application/graphql; charset=utf-8',
    ]) {
      expect([type, isAcceptedRequestType(type)]).toEqual([type, true]);
    }
  });

  it('refuses what a browser sends cross-site without a preflight, and any other type', () => {
    for (const type of [
      undefined,
      '',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain',
      'text/plain; charset=utf-8',
      'application/json; charset=latin1',
      'application/graphql-response+json',
      'application/vnd.api+json',
      'application/jsonx',
      'application/*',
    ]) {
      expect([type, isAcceptedRequestType(type)]).toEqual([type, false]);
    }
  });
});

describe('negotiateResponseType', () => {
  it('answers in application/graphql-response+json to a client that asks for it', () => {
    for (const accept of [
      'application/graphql-response+json',
      'application/graphql-response+json, application/json',
      // Apollo Client 4 and urql send these.
      'application/graphql-response+json,application/json;q=0.9',
      'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed',
      'application/json;q=0.5, application/graphql-response+json',
    ]) {
      expect([accept, negotiateResponseType(accept)]).toEqual([accept, GRAPHQL_RESPONSE_JSON]);
    }
  });

  it('answers in JSON otherwise, wildcards and types it cannot give included', () => {
    for (const accept of [
      undefined,
      '',
      '*/*',
      'application/*',
      'application/json',
      'application/json, application/graphql-response+json',
      'application/graphql-response+json;q=0.5, application/json',
      'application/graphql-response+json;q=0',
      'text/html',
      'text/event-stream',
    ]) {
      expect([accept, negotiateResponseType(accept)]).toEqual([accept, JSON_TYPE]);
    }
  });
});
