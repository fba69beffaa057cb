import clsx from "clsx";

// The decisions on the thing on screen, kept within reach: on a phone the bar sticks to the bottom of the
// screen while its section is in view (a thumb's reach, above the home indicator); from lg up it sits in
// the flow. `always` keeps it stuck at every width (the presenter's projector view, where it is the page's
// last element). Place it in a section with horizontal padding `px-4 sm:px-5` (the card padding) so its
// edge-to-edge background fits. With a label it is a toolbar of buttons; without, a plain container
// (for a form or region that names itself).

export function StickyActionBar({
  label,
  always = false,
  className,
  children,
}: {
  label?: string;
  always?: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div
      role={label ? "toolbar" : undefined}
      aria-label={label}
      data-sticky-action-bar=""
      className={clsx(
        "sticky bottom-0 z-20 -mx-4 flex flex-wrap items-center gap-2 border-t border-slate-200 bg-white/95 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] shadow-[0_-6px_12px_-8px_rgb(15_23_42/0.25)] backdrop-blur sm:-mx-5 sm:px-5",
        !always && "lg:static lg:mx-0 lg:border-slate-100 lg:bg-transparent lg:px-0 lg:pt-4 lg:pb-0 lg:shadow-none lg:backdrop-blur-none",
        className,
      )}
    >
      {children}
    </div>
  );
}
