//! Reusable pieces of the interface, one component per file.

pub mod block_view;
pub mod bodies_loading;
pub mod checklist;
pub mod commitment_item;
pub mod cross_refs;
pub mod export_buttons;
pub mod facet_panel;
pub mod figure_list;
pub mod figure_mark;
pub mod hit_nav;
pub mod import_panel;
pub mod marked;
pub mod masthead;
pub mod meta_card;
pub mod notice;
pub mod overview;
pub mod progress_summary;
pub mod reader;
pub mod result_item;
pub mod result_list;
pub mod search_box;
pub mod share_offer;
pub mod share_tools;
pub mod show_more;
pub mod tracker_tools;
