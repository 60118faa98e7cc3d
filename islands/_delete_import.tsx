/**
 * The Delete button of a failed import (one that made no conversation): a plain form posting
 * to `/imports/:id/delete`, so it works without JavaScript. Shown on the import's page and in
 * the library's list of imports.
 */
export function DeleteImport(props: { id: string }) {
  return (
    <form method="post" action={`/imports/${props.id}/delete`} class="inline delete-import">
      <button type="submit">Delete</button>
    </form>
  );
}
