/** A labelled file input that hands over the chosen file and is ready for the same file again. */
export function FilePicker({
  label,
  hint,
  name,
  accept,
  onFile,
}: {
  label: string;
  hint: string;
  name: string;
  accept: string;
  onFile: (file: File) => void;
}) {
  return (
    <label className="file-pick">
      {label}
      <input
        type="file"
        name={name}
        accept={accept}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = "";
        }}
      />
      <small>{hint}</small>
    </label>
  );
}
