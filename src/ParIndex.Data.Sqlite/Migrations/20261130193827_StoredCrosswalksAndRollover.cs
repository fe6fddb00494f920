using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParIndex.Data.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    LeafCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceAssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceLeafCodes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    EvidenceIds = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FromFrameworkRecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    ToFrameworkRecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    IsSample = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CrosswalkId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
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
                type: "TEXT",
                nullable: true);
        }
    }
}
