import { useCallback, type CSSProperties } from 'react';
import type { AttachmentRecord } from '../../core/drafts/draft-record';

/** A scan (or a profile's signature or seal image) as an <img>, turned as the clerk turned it (the package turns the file the same way). */
export function AttachmentImage({ attachment, className, alt, style }: { attachment: Pick<AttachmentRecord, 'bytes' | 'type' | 'rotation'>; className: string; alt: string; style?: CSSProperties }) {
  // The object URL lives exactly as long as the <img>: created when it mounts, released when it goes.
  const attach = useCallback(
    (img: HTMLImageElement | null) => {
      if (!img) return;
      const url = URL.createObjectURL(new Blob([attachment.bytes.slice()], { type: attachment.type }));
      img.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [attachment.bytes, attachment.type],
  );
  const rotation = attachment.rotation ?? 0;
  return <img className={className} ref={attach} alt={alt} data-rotation={rotation} style={{ ...style, rotate: rotation ? `${rotation}deg` : undefined }} />;
}
