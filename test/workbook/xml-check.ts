import { SaxesParser } from 'saxes';

/**
 * Parses `xml` with saxes, a strict XML 1.0 parser with namespaces, and returns the errors it
 * reports: malformed markup, characters XML forbids, unbound prefixes. Empty for well-formed XML.
 */
export function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => errors.push(error.message));
  parser.write(xml).close();
  return errors;
}
