/**
 * The measures' full title as printed forms, notices and screens cite it (never a short form such
 * as 《管理办法》). A module of its own, importing nothing, so the renderer's string tables (which the
 * first screen loads) cite it without pulling in the calendar or the schemas.
 */
export const MEASURES_TITLE = '《克拉玛依市科技计划“揭榜挂帅”项目管理办法》';
