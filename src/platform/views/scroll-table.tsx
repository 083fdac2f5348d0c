import type { Children } from '@kitajs/html';

/**
 * A table that scrolls sideways inside its own box on a narrow screen instead of widening the
 * page. The box is a labelled, focusable region, so a keyboard user can reach and scroll it.
 */
export function ScrollTable(props: { label: string; class?: string; children?: Children }) {
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-label={props.label}>
      <table class={props.class}>{props.children}</table>
    </div>
  );
}
