import { useState } from 'react';

/** What a message may carry (the server checks the same by content): PDF, JPEG or PNG, up to 10 MB, at most five. */
export const attachmentAccept = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';
export const attachmentMaxBytes = 10 * 1024 * 1024;
export const attachmentMaxFiles = 5;

export interface Attached {
  id: string;
  fileName: string;
}

/**
 * The files chosen for a message: each is uploaded as soon as it is chosen; the ids go with the message.
 * `failure` holds the last refusal (the server's error, or `tooLarge` / `tooMany` found before sending).
 */
export function useAttachments(uploadFile: (file: Blob) => Promise<{ id: string; fileName: string }>) {
  const [files, setFiles] = useState<Attached[]>([]);
  const [uploading, setUploading] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);

  const add = async (chosen: FileList | File[] | null) => {
    setFailure(null);
    let room = attachmentMaxFiles - files.length;
    for (const file of Array.from(chosen ?? [])) {
      if (room <= 0) {
        setFailure('tooMany');
        break;
      }
      if (file.size > attachmentMaxBytes) {
        setFailure('tooLarge');
        continue;
      }
      room -= 1;
      setUploading((n) => n + 1);
      try {
        const stored = await uploadFile(file);
        setFiles((list) => [...list, { id: stored.id, fileName: stored.fileName || file.name }]);
      } catch (error) {
        setFailure(error);
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };
  const remove = (id: string) => setFiles((list) => list.filter((file) => file.id !== id));
  const clear = () => {
    setFiles([]);
    setFailure(null);
  };
  return { files, ids: files.map((file) => file.id), uploading: uploading > 0, failure, add, remove, clear, full: files.length >= attachmentMaxFiles };
}
