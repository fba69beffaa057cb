import clsx from "clsx";
import Link from "next/link";
import { Fragment, type ReactNode } from "react";

/** Where a detail page sits: links back up the trail, then the page itself. */
export function Breadcrumb({
  trail,
  current,
  className,
}: {
  trail: { href: string; label: ReactNode }[];
  current: ReactNode;
  className?: string;
}) {
  return (
    <nav aria-label="Breadcrumb" className={clsx("text-sm text-slate-500", className)}>
      {trail.map((step) => (
        <Fragment key={step.href}>
          <Link href={step.href} className="hover:text-slate-800 hover:underline">
            {step.label}
          </Link>{" "}
          <span aria-hidden>/</span>{" "}
        </Fragment>
      ))}
      <span className="text-slate-800">{current}</span>
    </nav>
  );
}
