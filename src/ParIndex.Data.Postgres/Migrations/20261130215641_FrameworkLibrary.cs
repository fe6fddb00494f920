using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParIndex.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FrameworkLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ActivatedAt",
                table: "Frameworks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActivatedBy",
                table: "Frameworks",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClonedFrom",
                table: "Frameworks",
                type: "character varying(160)",
                maxLength: 160,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "Frameworks",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAt",
                table: "Frameworks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetiredBy",
                table: "Frameworks",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            // Rows stored before the library are frozen versions that campaigns already use (ADR 0122).
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Frameworks",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Frameworks",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Active");

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Frameworks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "Frameworks",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ActivatedAt",
                table: "Frameworks");

            migrationBuilder.DropColumn(
                name: "ActivatedBy",
                table: "Frameworks");

            migrationBuilder.DropColumn(
                name: "ClonedFrom",
                table: "Frameworks");

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "Frameworks");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "Frameworks");

            migrationBuilder.DropColumn(
                name: "RetiredBy",
                table: "Frameworks");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Frameworks");

            migrationBuilder.DropColumn(
                name: "State",
                table: "Frameworks");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Frameworks");

            migrationBuilder.DropColumn(
                name: "UpdatedBy",
                table: "Frameworks");
        }
    }
}
