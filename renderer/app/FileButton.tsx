import { useId } from 'react';

interface FileButtonProps {
  readonly label: string;
  readonly accept: string;
  readonly multiple?: boolean;
  readonly disabled?: boolean;
  readonly onFiles: (files: File[]) => void;
}

/**
 * A button that opens the file picker: a styled label over a visually hidden file input, so it
 * reads and works as one control from the keyboard and a screen reader. The input is cleared
 * after each choice, so choosing the same file again still fires.
 */
export function FileButton({ label, accept, multiple, disabled, onFiles }: FileButtonProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="file-button">
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        onChange={(e) => {
          onFiles(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
    </>
  );
}
