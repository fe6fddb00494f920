using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParIndex.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Appraisal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AppraisalReason",
                table: "LeafEntries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AppraisedAt",
                table: "LeafEntries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppraisedBy",
                table: "LeafEntries",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppraisedFiguresJson",
                table: "LeafEntries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppraisedMemo",
                table: "LeafEntries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "AppraisedScore",
                table: "LeafEntries",
                type: "numeric(28,10)",
                precision: 28,
                scale: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FinalReason",
                table: "LeafEntries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "FinalScore",
                table: "LeafEntries",
                type: "numeric(28,10)",
                precision: 28,
                scale: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RespondedAt",
                table: "LeafEntries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RespondedBy",
                table: "LeafEntries",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResponseText",
                table: "LeafEntries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "SurveyScore",
                table: "LeafEntries",
                type: "numeric(28,10)",
                precision: 28,
                scale: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BandsJson",
                table: "Campaigns",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CrosswalkJson",
                table: "Campaigns",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsSample",
                table: "Campaigns",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PreviousCampaignId",
                table: "Campaigns",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "Campaigns",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResponseDeadline",
                table: "Campaigns",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AppraiserAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    CodePrefix = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraiserAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppraiserAssignments_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AppraiserAssignments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppraiserAssignments_CampaignId_UserName",
                table: "AppraiserAssignments",
                columns: new[] { "CampaignId", "UserName" });

            migrationBuilder.CreateIndex(
                name: "IX_AppraiserAssignments_UnitId",
                table: "AppraiserAssignments",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppraiserAssignments");

            migrationBuilder.DropColumn(
                name: "AppraisalReason",
                table: "LeafEntries");

            migrationBuilder.DropColumn(
                name: "AppraisedAt",
                table: "LeafEntries");

            migrationBuilder.DropColumn(
                name: "AppraisedBy",
                table: "LeafEntries");

            migrationBuilder.DropColumn(
                name: "AppraisedFiguresJson",
                table: "LeafEntries");

            migrationBuilder.DropColumn(
                name: "AppraisedMemo",
                table: "LeafEntries");

            migrationBuilder.DropColumn(
                name: "AppraisedScore",
                table: "LeafEntries");

            migrationBuilder.DropColumn(
                name: "FinalReason",
                table: "LeafEntries");

            migrationBuilder.DropColumn(
                name: "FinalScore",
                table: "LeafEntries");

            migrationBuilder.DropColumn(
                name: "RespondedAt",
                table: "LeafEntries");

            migrationBuilder.DropColumn(
                name: "RespondedBy",
                table: "LeafEntries");

            migrationBuilder.DropColumn(
                name: "ResponseText",
                table: "LeafEntries");

            migrationBuilder.DropColumn(
                name: "SurveyScore",
                table: "LeafEntries");

            migrationBuilder.DropColumn(
                name: "BandsJson",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "CrosswalkJson",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "IsSample",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "PreviousCampaignId",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ResponseDeadline",
                table: "Campaigns");
        }
    }
}
