//! Server-side sessions (issue 10 §3): the session cookie names a row here, so logging out
//! revokes it for every copy of the cookie; and `must_change_password` (issue 10 §7) for the
//! generated first-admin password.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
    MustChangePassword,
}

#[derive(DeriveIden)]
enum UserSession {
    Table,
    Id,
    UserId,
    CreatedAt,
    ExpiresAt,
    RevokedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(User::Table)
                .add_column(
                    ColumnDef::new(User::MustChangePassword)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(UserSession::Table)
                .col(
                    ColumnDef::new(UserSession::Id)
                        .uuid()
                        .not_null()
                        .primary_key(),
                )
                .col(ColumnDef::new(UserSession::UserId).uuid().not_null())
                .col(
                    ColumnDef::new(UserSession::CreatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(UserSession::ExpiresAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(UserSession::RevokedAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(UserSession::Table, UserSession::UserId)
                        .to(User::Table, User::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        // "Log out on all devices" and password changes revoke by user.
        m.create_index(
            Index::create()
                .name("idx_user_session_user")
                .table(UserSession::Table)
                .col(UserSession::UserId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(UserSession::Table).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(User::Table)
                .drop_column(User::MustChangePassword)
                .to_owned(),
        )
        .await
    }
}
