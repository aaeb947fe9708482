/** Where rendered output goes: as text, or as UTF-8 bytes made elsewhere (store/month-bytes.ts), which it copies. */
export interface Sink {
  write(text: string): void;
  writeBytes(bytes: Uint8Array): void;
}
