// A backup or restore that cannot go ahead: the message says why and what to do instead.
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}
