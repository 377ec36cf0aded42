import { openApiDocument } from '@/lib/openapi/document';

// The document is constant, so Next may render it once at build time; a folder named `openapi.json` is a plain
// static segment (Next's docs serve `app/rss.xml/route.ts` the same way).
export const dynamic = 'force-static';

/** The OpenAPI 3.1 description of this API (DESIGN §4). */
export function GET(): Response {
  return Response.json(openApiDocument);
}
