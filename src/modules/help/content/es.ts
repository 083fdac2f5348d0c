import type { HelpSlug } from '../help.rules.js';

/** Textos de ayuda por defecto en español (Markdown). Los valores `{{name}}` vienen del código. */
export const es: Record<HelpSlug, string> = {
  'how-to-buy': `Comprar en Hashcart lleva diez pasos. Los precios y el flete los confirman personas, y el pago se hace fuera del sitio.

1. **Regístrese**, o inicie sesión.
2. En la página del producto, elija la cantidad y pulse **Añadir al carrito**.
3. En **Mi carrito**, complete la dirección de envío, elija el método de envío y el método de pago, y pulse **Enviar pedido**. El pedido aparece en **Mis pedidos**.
4. El pedido empieza en **Calculando el coste de envío**. Nuestro equipo de ventas calcula el flete; la página del pedido muestra entonces el total actualizado y los datos de pago, y le enviamos un correo. No hace falta recargar la página.
5. Pague según las instrucciones y pulse **Subir comprobante de pago** (imagen o PDF, con el importe, la fecha y la referencia o el hash de la transacción).
6. Nuestro equipo de finanzas revisa el comprobante. Aprobado: el pedido pasa a **Listo para enviar** (la mercancía se prueba, se embala y se envía). Rechazado: el pedido vuelve a esperar el pago, con el motivo.
7. Cuando se envía, la página del pedido muestra el transportista, el número de seguimiento y un enlace a su página de seguimiento.
8. Al recibir la mercancía, pulse **Confirmar entrega**; el pedido queda **Completado**. Si no confirma, el pedido se completa solo {{autoCompleteDays}} días después del envío, con un aviso {{autoCompleteReminderDays}} días antes.
9. **Ver PI** muestra la factura proforma como página imprimible y en PDF. Está disponible en cuanto se conoce el total (para llevarla a su banco) y sigue disponible después.
10. El servicio posventa solo puede solicitarse después de confirmar la entrega.

Puede **cancelar el pedido** usted mismo hasta que se apruebe el pago; después, pídanoslo.
`,
  payment: `## Métodos de pago

Cada página de pedido muestra los métodos disponibles para ese pedido, con los datos de la cuenta: transferencia bancaria (T/T), USDT (TRC20 o ERC20) y BTC. Los pedidos con mercancía por más de **{{largeOrder}}** también pueden pagarse con carta de crédito (L/C), T/T y documentos contra pago (D/P).

## Plazo

Pague dentro de las **{{paymentDeadlineHours}} horas** siguientes a que se muestre el total. Después, el pedido se cancela y el stock se libera; puede volver a pedir.

## Comprobante de pago

Pulse **Subir comprobante de pago** y adjunte una imagen o PDF del justificante, con el **importe pagado**, la **fecha** y la **referencia** de la transacción (o el hash en cripto). Finanzas lo contrasta con el dinero recibido. Si lo rechaza, la página del pedido indica el motivo y puede subir otro.

## Pago parcial

Puede pagar en varias partes. Cada comprobante aprobado cuenta: la página muestra lo pagado y el saldo, y el pedido avanza solo cuando los pagos aprobados cubren el total.

## Verifique la factura proforma (PI) antes de pagar

Las facturas falsificadas con datos bancarios cambiados son el fraude más común en este comercio. Cada PI lleva un código corto y un código QR. Ábralo en **este sitio** (nunca en un enlace que le envíen): muestra el número, la fecha, el total y nuestros datos de pago auténticos. Si algo no coincide, no pague y contáctenos por WhatsApp ({{whatsappNumber}}).
`,
  shipping: `## Cuándo se envía su pedido

Contado desde la aprobación del pago:

| mercancía | se envía en |
| --- | --- |
| en stock | {{inStockMin}}–{{inStockMax}} días |
| sin stock | {{outOfStockMin}}–{{outOfStockMax}} días |
| mineros y hash boards | más {{testingDays}} días de pruebas (un día más por cada {{unitsPerExtraTestingDay}} unidades tras el primer lote) |

Cada minero se prueba antes de embalarlo; registramos fotos, vídeos y los números de los precintos de su paquete.

## Tránsito

| método | tránsito habitual |
| --- | --- |
| aéreo exprés | {{airExpressMin}}–{{airExpressMax}} días |
| carga aérea | {{airFreightMin}}–{{airFreightMax}} días |
| marítimo | {{seaFreightMin}}–{{seaFreightMax}} días |
| terrestre | {{landFreightMin}}–{{landFreightMax}} días |

Cada pedido muestra su fecha prevista de envío y su ventana de entrega.

## Seguimiento

Recibirá un número de seguimiento poco después de la aprobación. Si **{{trackingOverdueDays}} días** después no lo tiene, la página del pedido le invita a contactarnos por WhatsApp, y nuestro personal ve el pedido como atrasado.

## Pedidos grandes

Los pedidos con mercancía por más de **{{largeOrder}}** permiten envío marítimo y terrestre, y pago con carta de crédito (L/C), T/T y D/P.

## Aduanas

Los documentos de aduana indican la mercancía y su valor real. No podemos cambiar nombres ni valores declarados.
`,
  'after-sales': `El servicio posventa está disponible **solo en pedidos completados** (entrega confirmada), dentro de la garantía indicada en la página del producto. Abra el pedido y pulse **Solicitar servicio posventa**; añada el número de serie, una descripción y fotos o vídeos.

| problema | qué hacemos |
| --- | --- |
| artículo equivocado | enviamos el correcto |
| artículo que falta | lo enviamos |
| dañado en el transporte | enviamos un reemplazo |
| producto general defectuoso | enviamos un reemplazo |
| minero, fuente o hash board defectuoso | reparación en el centro aprobado más cercano; reemplazo si no se puede reparar |

## Plazos de respuesta

- Productos generales: confirmamos el problema en **{{afterSalesConfirmDays}} día(s)** y enviamos el reemplazo en **{{afterSalesReissueDays}} días**.
- Mineros, fuentes y hash boards: en **{{repairCenterAssignDays}} días** le indicamos a qué centro de reparación enviar la unidad.

Los plazos se muestran en su caso, a usted y a nuestro personal.

## Pruebas

Fotografiamos y grabamos su mercancía al embalarla y registramos los precintos. Sus fotos y vídeos se comparan con los nuestros: grabe el desembalaje de la mercancía valiosa.
`,
  'repair-centers': `## Encuentre un centro de reparación

La página [Reparación de mineros ASIC](/asic-miner-repair) lista los centros aprobados por país y marca, con sus contactos y un enlace de WhatsApp.

## Publique su centro de reparación

Inicie sesión, abra **Centro de reparación** y pulse **Crear centro de reparación**. Indique el nombre, país, ciudad, dirección, teléfono, WhatsApp, correo, las marcas y modelos que repara y los servicios que ofrece. Puede añadir hasta 6 fotos (JPEG, PNG o WebP, 5 MB cada una) y su ubicación.

Tras **Enviar**, el centro espera revisión, normalmente **{{reviewDaysMin}}–{{reviewDaysMax}} días hábiles**. Una vez aprobado aparece en su página y en el directorio público. Si se rechaza, verá el motivo; corríjalo y envíelo de nuevo.

Los cambios en un centro aprobado también se revisan; mientras tanto sigue pública la versión aprobada.
`,
  terms: `## Condiciones de venta (resumen)

- Los precios son en dólares estadounidenses. El total incluye el flete que cotizamos y se confirma en la página del pedido antes de pagar.
- El pedido es firme cuando se aprueba el pago. Hasta entonces puede cancelarlo usted mismo.
- La mercancía es nuestra hasta su pago completo.
- Los aranceles e impuestos del país de destino los paga el comprador, salvo acuerdo escrito.
- Los documentos de aduana indican la mercancía y su valor real.
- Algunos países restringen los equipos de minería; el comprador debe comprobar la ley local. No enviamos a países bajo embargo total.
- La garantía y el servicio posventa se describen en [Posventa](/help/after-sales).
`,
  contact: `## Contacto

- **WhatsApp:** {{whatsappNumber}}, la forma más rápida de contactarnos. Indique su número de pedido.
- **Mensajes del pedido:** cada pedido tiene un hilo con nuestro personal, para que lo acordado quede registrado.

Nunca le pediremos pagar a otra cuenta por chat o correo. Compruebe siempre los datos de pago en una factura proforma a través de este sitio.
`,
};
