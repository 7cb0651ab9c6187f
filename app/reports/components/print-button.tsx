import { useEffect, useState } from "react";

/**
 * "Download als pdf": the browser's print dialog, where "Save as PDF" gives the A4 document
 * the print stylesheet lays out. Without JavaScript the hint says how.
 */
export function PrintButton({ label, hint }: { label: string; hint: string }) {
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(typeof window.print === "function"), []);
  return (
    <div className="print-action">
      {canPrint ? (
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {label}
        </button>
      ) : null}
      <p className="hint">{hint}</p>
    </div>
  );
}
