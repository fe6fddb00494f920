using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParIndex.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StoredCrosswalksAndRollover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CrosswalkJson",
                table: "Campaigns");

            migrationBuilder.CreateTable(
                name: "CarriedSuggestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    LeafCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SourceAssessmentId = table.Column<int>(type: "integer", nullable: false),
                    SourceLeafCodes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Explanation = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    EvidenceIds = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarriedSuggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarriedSuggestions_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Crosswalks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FromFrameworkRecordId = table.Column<int>(type: "integer", nullable: false),
                    ToFrameworkRecordId = table.Column<int>(type: "integer", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    IsSample = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Crosswalks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Crosswalks_Frameworks_FromFrameworkRecordId",
                        column: x => x.FromFrameworkRecordId,
                        principalTable: "Frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Crosswalks_Frameworks_ToFrameworkRecordId",
                        column: x => x.ToFrameworkRecordId,
                        principalTable: "Frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CrosswalkRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CrosswalkId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrosswalkRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrosswalkRevisions_Crosswalks_CrosswalkId",
                        column: x => x.CrosswalkId,
                        principalTable: "Crosswalks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CarriedSuggestions_AssessmentId_LeafCode",
                table: "CarriedSuggestions",
                columns: new[] { "AssessmentId", "LeafCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrosswalkRevisions_CrosswalkId_Version",
                table: "CrosswalkRevisions",
                columns: new[] { "CrosswalkId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Crosswalks_FromFrameworkRecordId_ToFrameworkRecordId",
                table: "Crosswalks",
                columns: new[] { "FromFrameworkRecordId", "ToFrameworkRecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Crosswalks_ToFrameworkRecordId",
                table: "Crosswalks",
                column: "ToFrameworkRecordId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CarriedSuggestions");

            migrationBuilder.DropTable(
                name: "CrosswalkRevisions");

            migrationBuilder.DropTable(
                name: "Crosswalks");

            migrationBuilder.AddColumn<string>(
                name: "CrosswalkJson",
                table: "Campaigns",
                type: "text",
                nullable: true);
        }
    }
}
