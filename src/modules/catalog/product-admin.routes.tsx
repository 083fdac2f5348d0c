import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../platform/auth/current-user.js';
import { csvStream, decimalAmount, idPages } from '../../platform/csv.js';
import type { Db } from '../../platform/db/client.js';
import type { ActionContext } from '../../platform/effects.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type FormResult, formValues, parseForm } from '../../platform/http/forms.js';
import { pageContext } from '../../platform/http/page-context.js';
import { sendCsv } from '../../platform/http/send-csv.js';
import type { Storage } from '../../platform/storage.js';
import { largestUpload } from '../../platform/upload-policy.js';
import { formState } from '../../platform/views/form.js';
import { addProductImage, productImagePolicy, removeProductImage } from './actions/add-product-image.js';
import { adjustProductStock } from './actions/adjust-product-stock.js';
import { saveNetworkFigure } from './actions/save-network-figure.js';
import { createProduct, updateProduct } from './actions/save-product.js';
import { networkFigureForm, newProductForm, productForm, stockAdjustmentForm } from './catalog.inputs.js';
import { adminProductList, findProductById, listNetworkFigures } from './catalog.repo.js';
import { productExportPage } from './product-export.repo.js';
import { stockLedger } from './stock.repo.js';
import { AdminProductForm, AdminProductList, type AdminProductProps } from './views/admin-product-pages.js';
import { NetworkFiguresPage } from './views/network-figures-page.js';

const html = (reply: FastifyReply, status = 200) => reply.code(status).type('text/html; charset=utf-8');
const idParam = (req: FastifyRequest<{ Params: { id: string } }>) => {
  const id = Number(req.params.id);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return id;
};
/** The edit page's data: the product and its stock ledger. */
async function productPage(db: Db, id: number): Promise<Pick<AdminProductProps, 'p' | 'ledger'>> {
  const [p, ledger] = await Promise.all([findProductById(db, id), stockLedger(db, id)]);
  if (!p) throw notFound();
  return { p, ledger };
}
const asFieldErrors = <T,>(err: unknown, body: unknown): FormResult<T> => {
  if (err instanceof AppError && err.fields)
    return { ok: false, errors: err.fields as never, values: formValues(body) };
  throw err;
};

/**
 * Back office for the catalog: products, stock, images (admin) and network figures (admin, sales).
 * Every write declares that the catalog changed; `actions` drops the storefront caches after commit.
 * Stock is never part of the product form: it changes through `/stock` (the ledger) only.
 */
export async function productAdminRoutes(
  app: FastifyInstance,
  { db, storage, actions }: { db: Db; storage: Storage; actions: ActionContext },
) {
  app.get('/admin/products', async (req, reply) => {
    requireRole(req.user, 'admin');
    const q = String((req.query as { q?: string }).q ?? '').slice(0, 100);
    const items = await adminProductList(db, q);
    return html(reply).send(<AdminProductList ctx={pageContext(req)} items={items} q={q} />);
  });

  // Same role as the list. Money as decimal dollars.
  app.get('/admin/products.csv', async (req, reply) => {
    requireRole(req.user, 'admin');
    const q = String((req.query as { q?: string }).q ?? '').slice(0, 100);
    const header = [
      'id',
      'sku',
      'slug',
      'name',
      'brand',
      'model',
      'category',
      'price_usd',
      'stock',
      'backorder',
      'updated_at',
    ];
    const body = csvStream(
      header,
      idPages((after, n) => productExportPage(db, q, after, n)),
      (p) => [
        p.id,
        p.sku,
        p.slug,
        p.name,
        p.brand,
        p.model,
        p.category,
        decimalAmount(p.priceCents),
        p.stock,
        p.backorderAllowed,
        p.updatedAt,
      ],
    );
    return sendCsv(reply, 'products', body);
  });

  app.get('/admin/products/new', async (req, reply) => {
    requireRole(req.user, 'admin');
    return html(reply).send(<AdminProductForm ctx={pageContext(req)} />);
  });

  app.post('/admin/products', async (req, reply) => {
    const user = requireRole(req.user, 'admin');
    let form = parseForm(newProductForm, req.body);
    if (form.ok) {
      try {
        const { id } = await createProduct(actions, user, form.data);
        return reply.code(303).redirect(`/admin/products/${id}`);
      } catch (err) {
        form = asFieldErrors(err, req.body);
      }
    }
    return html(reply, 422).send(<AdminProductForm ctx={pageContext(req)} form={formState(form)} />);
  });

  app.get<{ Params: { id: string } }>('/admin/products/:id', async (req, reply) => {
    requireRole(req.user, 'admin');
    const page = await productPage(db, idParam(req));
    return html(reply).send(<AdminProductForm ctx={pageContext(req)} {...page} />);
  });

  app.post<{ Params: { id: string } }>('/admin/products/:id', async (req, reply) => {
    const user = requireRole(req.user, 'admin');
    const id = idParam(req);
    let form = parseForm(productForm, req.body);
    if (form.ok) {
      try {
        await updateProduct(actions, id, form.data, user);
        return reply.code(303).redirect(`/admin/products/${id}`);
      } catch (err) {
        form = asFieldErrors(err, req.body);
      }
    }
    const page = await productPage(db, id);
    return html(reply, 422).send(<AdminProductForm ctx={pageContext(req)} {...page} form={formState(form)} />);
  });

  // Same role as product editing: whoever may edit a product may count its stock.
  app.post<{ Params: { id: string } }>('/admin/products/:id/stock', async (req, reply) => {
    const user = requireRole(req.user, 'admin');
    const id = idParam(req);
    let form = parseForm(stockAdjustmentForm, req.body);
    if (form.ok) {
      try {
        await adjustProductStock(actions, user, id, form.data);
        return reply.code(303).redirect(`/admin/products/${id}`);
      } catch (err) {
        form = asFieldErrors(err, req.body);
      }
    }
    const page = await productPage(db, id);
    return html(reply, 422).send(<AdminProductForm ctx={pageContext(req)} {...page} stockForm={formState(form)} />);
  });

  app.post<{ Params: { id: string } }>('/admin/products/:id/images', async (req, reply) => {
    const user = requireRole(req.user, 'admin');
    const id = idParam(req);
    const file = await req.file({ limits: { fileSize: largestUpload(productImagePolicy), files: 1 } });
    try {
      const bytes = file ? await file.toBuffer() : Buffer.alloc(0);
      await addProductImage(actions, storage, id, bytes, user);
    } catch (err) {
      const code = (err as { code?: string }).code;
      const form =
        code === 'FST_REQ_FILE_TOO_LARGE'
          ? { ok: false as const, errors: { image: productImagePolicy.messages.tooLarge }, values: {} }
          : asFieldErrors(err, {});
      const page = await productPage(db, id);
      return html(reply, 422).send(
        <AdminProductForm ctx={pageContext(req)} {...page} form={form.ok ? undefined : form} />,
      );
    }
    return reply.code(303).redirect(`/admin/products/${id}`);
  });

  app.post<{ Params: { id: string } }>('/admin/products/:id/images/remove', async (req, reply) => {
    const user = requireRole(req.user, 'admin');
    const id = idParam(req);
    const url = String((req.body as { url?: string })?.url ?? '');
    await removeProductImage(actions, id, url, user);
    return reply.code(303).redirect(`/admin/products/${id}`);
  });

  // Product pictures are public: served from storage by key, never by a user-chosen path.
  app.get<{ Params: { name: string } }>('/media/products/:name', async (req, reply) => {
    const key = `products/${req.params.name}`;
    if (!(await storage.exists(key).catch(() => false))) throw notFound();
    const ext = key.split('.').pop();
    const type = ext === 'png' ? 'image/png' : ext === 'webp' ? 'image/webp' : 'image/jpeg';
    return reply.type(type).header('cache-control', 'public, max-age=86400').send(storage.open(key));
  });

  app.get('/admin/network-figures', async (req, reply) => {
    requireRole(req.user, 'sales');
    return html(reply).send(<NetworkFiguresPage ctx={pageContext(req)} rows={await listNetworkFigures(db)} />);
  });

  app.post('/admin/network-figures', async (req, reply) => {
    const user = requireRole(req.user, 'sales');
    const form = parseForm(networkFigureForm, req.body);
    if (!form.ok) {
      const rows = await listNetworkFigures(db);
      return html(reply, 422).send(<NetworkFiguresPage ctx={pageContext(req)} rows={rows} form={formState(form)} />);
    }
    await saveNetworkFigure(actions, user, form.data);
    return reply.code(303).redirect('/admin/network-figures');
  });
}
