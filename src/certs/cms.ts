import { berChildren, definite, octetString, readBer, type BerNode } from './ber';
import { DerError, expectTag, integer, oid } from './der';

/**
 * The parts of a CMS SignedData (RFC 5652) that the test-signature check needs: the signed content,
 * the certificates, and each signer's identity, signed attributes and signature. CAdES-BES is a
 * SignedData whose signed attributes carry the content type, the message digest and the signing
 * certificate; what else the plug-in adds is kept but not read.
 */
export interface SignerInfo {
  /** IssuerAndSerialNumber (the issuer Name encoding, the serial as hex) or a subject key id. */
  sid: { issuerDer: Uint8Array; serial: string } | { keyId: Uint8Array };
  digestAlgorithm: string;
  /** The signed attributes re-tagged as the SET they are signed as (RFC 5652 §5.4); null when absent. */
  signedAttributes: Uint8Array | null;
  /** Attribute OID → the DER of each value in its SET. */
  attributes: Map<string, Uint8Array[]>;
  signatureAlgorithm: string;
  signature: Uint8Array;
}

export interface SignedData {
  contentType: string;
  /** The encapsulated content; null for a detached signature. */
  content: Uint8Array | null;
  certificates: Uint8Array[];
  signers: SignerInfo[];
}

const SIGNED_DATA = '1.2.840.113549.1.7.2';
/** A test signature is small: the text, a few certificates, a few attributes. */
export const MAX_CMS_BYTES = 256 * 1024;

/** An AlgorithmIdentifier's OID (its parameters, NULL or absent for GOST digests, are not read). */
function algorithm(der: Uint8Array, node: BerNode | undefined, what: string): string {
  const [id] = berChildren(der, expectTag(node, 0x30, what));
  return oid(der, expectTag(id, 0x06, what));
}

function parseAttributes(der: Uint8Array, node: BerNode): Map<string, Uint8Array[]> {
  const out = new Map<string, Uint8Array[]>();
  for (const attribute of berChildren(der, node)) {
    const [type, values] = berChildren(der, expectTag(attribute, 0x30, 'an Attribute'));
    const id = oid(der, expectTag(type, 0x06, 'an attribute type'));
    // RFC 5652 §11: each of the attributes read here appears once.
    if (out.has(id)) throw new DerError(`attribute ${id} appears twice`);
    out.set(id, berChildren(der, expectTag(values, 0x31, 'attribute values')).map((v) => definite(der, v, 'an attribute value')));
  }
  return out;
}

function parseSigner(der: Uint8Array, node: BerNode): SignerInfo {
  const parts = berChildren(der, expectTag(node, 0x30, 'a SignerInfo'));
  const [, sidNode, digestNode] = parts;
  let i = 3;
  let signedAttributes: Uint8Array | null = null;
  let attributes = new Map<string, Uint8Array[]>();
  if (parts[i]?.tag === 0xa0) {
    const implicit = parts[i]!;
    attributes = parseAttributes(der, implicit);
    signedAttributes = definite(der, implicit, 'the signed attributes').slice();
    signedAttributes[0] = 0x31;
    i++;
  }
  const signatureAlgorithm = algorithm(der, parts[i], 'a signatureAlgorithm');
  const signatureNode = parts[i + 1];
  if (signatureNode === undefined) throw new DerError('expected a signature');
  const signature = octetString(der, signatureNode);
  let sid: SignerInfo['sid'];
  if (sidNode?.tag === 0x30) {
    const [issuer, serial] = berChildren(der, sidNode);
    if (issuer?.tag !== 0x30) throw new DerError('expected an issuer Name');
    sid = { issuerDer: definite(der, issuer, 'an issuer Name'), serial: integer(der, expectTag(serial, 0x02, 'a serial number')) };
  } else if (sidNode?.tag === 0x80) {
    sid = { keyId: der.subarray(sidNode.contentStart, sidNode.end) };
  } else {
    throw new DerError('expected a signer identifier');
  }
  return { sid, digestAlgorithm: algorithm(der, digestNode, 'a digestAlgorithm'), signedAttributes, attributes, signatureAlgorithm, signature };
}

/** Parses a BER/DER ContentInfo holding SignedData; throws DerError on anything else. */
export function parseSignedData(der: Uint8Array): SignedData {
  if (der.length > MAX_CMS_BYTES) throw new DerError('larger than a test signature can be');
  const root = readBer(der, 0);
  if (root.after !== der.length) throw new DerError('trailing data after the signature');
  const [typeNode, explicit] = berChildren(der, expectTag(root, 0x30, 'a ContentInfo'));
  if (oid(der, expectTag(typeNode, 0x06, 'a content type')) !== SIGNED_DATA) throw new DerError('not a SignedData');
  const [signedNode] = berChildren(der, expectTag(explicit, 0xa0, 'the SignedData'));
  const fields = berChildren(der, expectTag(signedNode, 0x30, 'a SignedData'));
  // Not covered by the signature, read strictly all the same: a reader that skips fields accepts noise.
  const version = expectTag(fields[0], 0x02, 'the SignedData version');
  if (version.end - version.contentStart !== 1 || ![1, 3, 4, 5].includes(der[version.contentStart]!)) throw new DerError('unknown SignedData version');
  for (const algorithmNode of berChildren(der, expectTag(fields[1], 0x31, 'the digestAlgorithms'))) algorithm(der, algorithmNode, 'a digestAlgorithm');
  const [eTypeNode, eContentNode] = berChildren(der, expectTag(fields[2], 0x30, 'an EncapsulatedContentInfo'));
  let content: Uint8Array | null = null;
  if (eContentNode !== undefined) {
    const [octets] = berChildren(der, expectTag(eContentNode, 0xa0, 'the content'));
    if (octets === undefined) throw new DerError('expected the content OCTET STRING');
    content = octetString(der, octets);
  }
  let certificates: Uint8Array[] = [];
  let i = 3;
  if (fields[i]?.tag === 0xa0) {
    certificates = berChildren(der, fields[i]!).filter((c) => c.tag === 0x30).map((c) => definite(der, c, 'a certificate'));
    i++;
  }
  if (fields[i]?.tag === 0xa1) i++; // revocation data: not read
  const signerSet = expectTag(fields[i], 0x31, 'the SignerInfos');
  if (i + 1 !== fields.length) throw new DerError('trailing fields in the SignedData');
  return {
    contentType: oid(der, expectTag(eTypeNode, 0x06, 'a content type')),
    content,
    certificates,
    signers: berChildren(der, signerSet).map((s) => parseSigner(der, s)),
  };
}
