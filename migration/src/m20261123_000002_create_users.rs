//! Accounts and the login-attempt log that throttling reads (kept in the database so that
//! every app instance behind a load balancer sees the same failures).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum User {
    Table,
    Id,
    Username,
    DisplayName,
    PasswordHash,
    Role,
    RegionCode,
    VillageCode,
    Active,
    SessionEpoch,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum LoginAttempt {
    Table,
    Id,
    Username,
    Ip,
    Succeeded,
    AttemptedAt,
}

#[derive(DeriveIden)]
enum Village {
    Table,
    Code,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(User::Table)
                .col(ColumnDef::new(User::Id).uuid().not_null().primary_key())
                .col(
                    ColumnDef::new(User::Username)
                        .string_len(64)
                        .not_null()
                        .unique_key(),
                )
                .col(ColumnDef::new(User::DisplayName).string_len(120).not_null())
                .col(
                    ColumnDef::new(User::PasswordHash)
                        .string_len(255)
                        .not_null(),
                )
                .col(ColumnDef::new(User::Role).string_len(16).not_null())
                .col(ColumnDef::new(User::RegionCode).string_len(13).null())
                .col(ColumnDef::new(User::VillageCode).string_len(13).null())
                .col(
                    ColumnDef::new(User::Active)
                        .boolean()
                        .not_null()
                        .default(true),
                )
                .col(
                    ColumnDef::new(User::SessionEpoch)
                        .integer()
                        .not_null()
                        .default(0),
                )
                .col(
                    ColumnDef::new(User::CreatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(User::UpdatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(User::Table, User::VillageCode)
                        .to(Village::Table, Village::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(LoginAttempt::Table)
                .col(
                    ColumnDef::new(LoginAttempt::Id)
                        .big_integer()
                        .not_null()
                        .auto_increment()
                        .primary_key(),
                )
                .col(
                    ColumnDef::new(LoginAttempt::Username)
                        .string_len(64)
                        .not_null(),
                )
                .col(ColumnDef::new(LoginAttempt::Ip).string_len(45).not_null())
                .col(ColumnDef::new(LoginAttempt::Succeeded).boolean().not_null())
                .col(
                    ColumnDef::new(LoginAttempt::AttemptedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_login_attempt_username_time")
                .table(LoginAttempt::Table)
                .col(LoginAttempt::Username)
                .col(LoginAttempt::AttemptedAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_login_attempt_ip_time")
                .table(LoginAttempt::Table)
                .col(LoginAttempt::Ip)
                .col(LoginAttempt::AttemptedAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_user_role")
                .table(User::Table)
                .col(User::Role)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(LoginAttempt::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(User::Table).to_owned())
            .await
    }
}
