import { z } from 'zod';

/**
 * A printed notice: a title, label–value rows, footer lines (the package's 评审包发放通知, the
 * 立项公示). Its own module so the IPC contract (and the preload) can use it without the rest.
 */
export const NoticeSchema = z.object({
  title: z.string().min(1).max(200),
  rows: z.array(z.tuple([z.string().max(200), z.string().max(2000)])).max(100),
  footer: z.array(z.string().max(4000)).max(20),
  /**
   * The lines printed last, instead of the hand-over line (经办人签字、领取人签字) of a notice
   * handed to an expert with a package: one per signer of a form after the award, the issuing
   * body of a public notice (公示, signed by no one).
   */
  signLines: z.array(z.string().max(400)).max(40).optional(),
});
export type Notice = z.infer<typeof NoticeSchema>;
