//! The Kemendagri region registry: provinces, kabupaten/kota, kecamatan, desa/kelurahan.
//! Official codes are the primary keys: they are stable and what every office types.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Province {
    Table,
    Code,
    Name,
}

#[derive(DeriveIden)]
enum Regency {
    Table,
    Code,
    ProvinceCode,
    Name,
}

#[derive(DeriveIden)]
enum District {
    Table,
    Code,
    RegencyCode,
    Name,
}

#[derive(DeriveIden)]
enum Village {
    Table,
    Code,
    DistrictCode,
    Name,
    Kind,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Province::Table)
                .col(
                    ColumnDef::new(Province::Code)
                        .string_len(2)
                        .not_null()
                        .primary_key(),
                )
                .col(ColumnDef::new(Province::Name).string_len(100).not_null())
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Regency::Table)
                .col(
                    ColumnDef::new(Regency::Code)
                        .string_len(5)
                        .not_null()
                        .primary_key(),
                )
                .col(
                    ColumnDef::new(Regency::ProvinceCode)
                        .string_len(2)
                        .not_null(),
                )
                .col(ColumnDef::new(Regency::Name).string_len(100).not_null())
                .foreign_key(
                    ForeignKey::create()
                        .from(Regency::Table, Regency::ProvinceCode)
                        .to(Province::Table, Province::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(District::Table)
                .col(
                    ColumnDef::new(District::Code)
                        .string_len(8)
                        .not_null()
                        .primary_key(),
                )
                .col(
                    ColumnDef::new(District::RegencyCode)
                        .string_len(5)
                        .not_null(),
                )
                .col(ColumnDef::new(District::Name).string_len(100).not_null())
                .foreign_key(
                    ForeignKey::create()
                        .from(District::Table, District::RegencyCode)
                        .to(Regency::Table, Regency::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Village::Table)
                .col(
                    ColumnDef::new(Village::Code)
                        .string_len(13)
                        .not_null()
                        .primary_key(),
                )
                .col(
                    ColumnDef::new(Village::DistrictCode)
                        .string_len(8)
                        .not_null(),
                )
                .col(ColumnDef::new(Village::Name).string_len(100).not_null())
                .col(ColumnDef::new(Village::Kind).string_len(10).not_null())
                .foreign_key(
                    ForeignKey::create()
                        .from(Village::Table, Village::DistrictCode)
                        .to(District::Table, District::Code),
                )
                .to_owned(),
        )
        .await?;
        for (name, table, col) in [
            (
                "idx_regency_province",
                Regency::Table.into_iden(),
                Regency::ProvinceCode.into_iden(),
            ),
            (
                "idx_district_regency",
                District::Table.into_iden(),
                District::RegencyCode.into_iden(),
            ),
            (
                "idx_village_district",
                Village::Table.into_iden(),
                Village::DistrictCode.into_iden(),
            ),
        ] {
            m.create_index(Index::create().name(name).table(table).col(col).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Village::Table.into_iden(),
            District::Table.into_iden(),
            Regency::Table.into_iden(),
            Province::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
