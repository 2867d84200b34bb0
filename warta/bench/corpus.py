# ruff: noqa: E501  (the sentence bank is Indonesian prose: one sentence per line)
"""A seeded synthetic corpus of Indonesian Bawaslu releases for the build benchmark.

Pure Python (no Pelican import): `load_data()` reads the project's real data
files (gazetteer, aliases with seats, official tags, officials), `generate()`
turns a seed and a count into articles (same seed, same corpus, byte for byte),
`write_corpus()` writes them as warta Markdown (and a few generated photos).

What makes it look like a province's real output:
- offices: the provincial office writes about a fifth of the releases; each
  kabupaten/kota office a share that grows with its size (number of kecamatan);
- dates: 2024–2025, busiest around the Pilkada 2024 stages (Aug–Dec 2024);
- topics follow the calendar (campaign patrols during the campaign, recaps
  after the vote, PDPB and evaluations in 2025), and so do the tags, written as
  staff do: the canonical name, an alias or in lower case;
- officials quoted with the position they held on the article's date;
- datelines in every form staff paste ("PALEMBANG –", "Palembang, Humas –",
  "**LAHAT** –", "Martapura (OKU Timur) -", "Palembang (27/11/2024) -", none);
- some `Region:` lines (code, name, alias, kecamatan), `BACA JUGA:` links to
  earlier releases, `Modified:` lines and featured photos;
- bodies of 250–600 words from the sentence bank below.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from warta import yamlfile
from warta.text import SLUG_MAX, slugify

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
START = dt.date(2024, 1, 1)
END = dt.date(2025, 12, 31)
PROVINCIAL_SHARE = 0.2
CATEGORIES = (("Berita", 0.7), ("Siaran Pers", 0.2), ("Pengumuman", 0.1))
MIN_WORDS, MAX_WORDS = 250, 600


# ---- data -------------------------------------------------------------------


@dataclass(frozen=True)
class Office:
    """A Bawaslu office: the province or one kabupaten/kota."""

    code: str
    name: str  # gazetteer name: "Kota Palembang", "Provinsi Sumatera Selatan"
    short: str  # how releases shorten it: "OKU Timur", "Sumsel", "Kota Palembang"
    seat: str  # dateline town
    level: str
    weight: float
    kecamatan: tuple[tuple[str, str], ...] = ()  # (code, name)

    @property
    def bawaslu(self) -> str:
        return f"Bawaslu {self.name}"


@dataclass(frozen=True)
class Speaker:
    name: str
    position: str
    region: str
    start: dt.date
    end: dt.date | None
    office: str | None


@dataclass(frozen=True)
class TagEntry:
    name: str
    group: str
    spellings: tuple[str, ...]
    windows: tuple[tuple[dt.date, dt.date], ...]
    main: bool


@dataclass
class CorpusData:
    province: Office
    offices: list[Office]
    tags: dict[str, TagEntry]
    speakers: list[Speaker]


def _date(value, end: bool = False) -> dt.date:
    if isinstance(value, dt.date):
        return value
    year, month = (int(part) for part in str(value).split("-")[:2])
    if not end:
        return dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _core(name: str) -> str:
    for prefix in ("Kabupaten ", "Kota ", "Provinsi "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _data_yaml(path: Path, *, allow_empty: bool = False):
    """A data file read as the build reads it (warta.yamlfile); ValueError names the line."""
    data, problems = yamlfile.load(path, str(path), allow_empty=allow_empty)
    if problems:
        raise ValueError(str(problems[0]))
    return data


def load_data(data_dir: Path, province: str = "16") -> CorpusData:
    """The province's offices, the official tags and the officials from data/."""
    data_dir = Path(data_dir)
    rows = list(csv.DictReader(io.StringIO((data_dir / "regions" / "gazetteer.csv").read_text())))
    aliases = _data_yaml(data_dir / "regions" / "aliases.yaml", allow_empty=True) or {}
    by_code = {row["code"]: row for row in rows}
    if province not in by_code:
        raise ValueError(f"unknown province code: {province!r}")
    kecamatan: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        if row["level"] == "kecamatan":
            kecamatan.setdefault(row["parent"], []).append((row["code"], row["name"]))

    def seat_and_short(code: str, name: str) -> tuple[str, str]:
        entry = aliases.get(code) or {}
        seat = entry.get("seat") or _core(name)
        if isinstance(seat, list):
            seat = seat[0]
        names = entry.get("aliases") or []
        if code == province:
            return seat, (names[0] if names else "")
        # "OKU Timur", not "OKUT": the short names releases put after "Bawaslu".
        return seat, next((a for a in names if " " in a), name)

    kabkota = [row for row in rows if row["parent"] == province]
    offices = []
    for row in kabkota:
        seat, short = seat_and_short(row["code"], row["name"])
        units = tuple(kecamatan.get(row["code"], []))
        offices.append(
            Office(
                row["code"],
                row["name"],
                short,
                seat,
                row["level"],
                max(1, len(units)) ** 0.5,
                units,
            )
        )
    total = sum(o.weight for o in offices) or 1.0
    province_seat = max(offices, key=lambda o: (o.level == "kota", o.weight)).seat
    _, province_short = seat_and_short(province, by_code[province]["name"])
    province_office = Office(
        province,
        f"Provinsi {by_code[province]['name']}",
        province_short,
        province_seat,
        "provinsi",
        total * PROVINCIAL_SHARE / (1 - PROVINCIAL_SHARE),
        tuple((o.code, o.name) for o in offices),
    )

    tags = {}
    for item in _data_yaml(data_dir / "official_tags.yaml"):
        windows = tuple(
            (_date(d["start"]), _date(d.get("end") or d["start"], end=True))
            for d in item.get("dates") or []
        )
        spellings = (item["name"], *(item.get("aliases") or []))
        tags[item["name"]] = TagEntry(
            item["name"], item["group"], spellings, windows, bool(item.get("main"))
        )

    speakers = []
    for person in _data_yaml(data_dir / "officials.yaml"):
        for position in person.get("positions") or []:
            if position.get("institution") != "Bawaslu" or position["position"].startswith("Staf"):
                continue
            speakers.append(
                Speaker(
                    person["name"],
                    position["position"],
                    str(position["region"]),
                    _date(position["start"]),
                    _date(position["end"]) if position.get("end") else None,
                    position.get("office"),
                )
            )
    return CorpusData(province_office, offices, tags, speakers)


# ---- sentence bank ------------------------------------------------------------
# Slots: {office} "Bawaslu Kota Palembang", {place} "Kota Palembang", {kec}/{kec2}
# kecamatan (or kabupaten/kota for the provincial office), {n}/{m} numbers,
# {day} "Selasa (3/9/2024)", {tanggal} "3 September 2024", {election}.


@dataclass(frozen=True)
class Topic:
    key: str
    tags: tuple[str, ...]  # official tag names, most specific first
    windows: tuple[tuple[str, str], ...]  # when such releases are written (YYYY-MM-DD)
    titles: tuple[str, ...]
    leads: tuple[str, ...]
    details: tuple[str, ...]
    summary: str


ANY = (("2024-01-01", "2025-12-31"),)
PILKADA = (("2024-05-01", "2025-03-31"),)

TOPICS = (
    Topic(
        "patroli",
        ("Patroli Pengawasan", "Politik Uang", "Masa Tenang"),
        (("2024-09-20", "2024-11-30"), ("2024-01-20", "2024-02-16")),
        (
            "Gelar Patroli Antipolitik Uang Jelang Masa Tenang di {n} Kecamatan",
            "Turunkan Pengawas Patroli Antipolitik Uang di {kec}",
            "Patroli Malam Awasi Politik Uang di {kec} dan {kec2}",
        ),
        (
            "menggelar patroli pengawasan antipolitik uang di {n} kecamatan pada {day}",
            "menurunkan jajaran pengawas untuk berpatroli di {kec} dan sekitarnya pada {day}",
        ),
        (
            "Patroli dimulai dari kantor {office} dan menyasar permukiman padat penduduk.",
            "Pengawas menyisir jalan desa di {kec} hingga larut malam bersama unsur kepolisian.",
            "Warga yang menerima tawaran uang atau barang diminta segera melapor kepada pengawas terdekat.",
            "Sejumlah spanduk ajakan menolak politik uang dipasang di titik keramaian.",
            "Tim patroli juga mendatangi posko pemenangan untuk mengingatkan larangan pemberian imbalan.",
        ),
        "menggelar patroli antipolitik uang dan mengajak warga melapor bila menemukan pemberian uang atau barang",
    ),
    Topic(
        "apel",
        ("Apel Siaga", "Pengawas TPS", "Pemungutan dan Penghitungan Suara"),
        (("2024-11-10", "2024-11-27"), ("2024-02-01", "2024-02-14")),
        (
            "Gelar Apel Siaga Pengawasan Jelang Pemungutan Suara",
            "Kerahkan {n} Pengawas TPS dalam Apel Siaga Pengawasan",
        ),
        (
            "menggelar apel siaga pengawasan yang diikuti {n} pengawas pada {day}",
            "mengumpulkan jajaran pengawas kecamatan dan kelurahan dalam apel siaga pada {day}",
        ),
        (
            "Apel berlangsung di halaman kantor {office} dan dihadiri unsur Forkopimda.",
            "Seluruh peserta apel menyatakan siap mengawasi setiap tahapan dengan jujur dan adil.",
            "Pengawas TPS diingatkan untuk tiba sebelum TPS dibuka dan mencatat setiap kejadian khusus.",
            "Usai apel, peserta menerima perlengkapan pengawasan berupa rompi, formulir, dan alat tulis.",
        ),
        "menggelar apel siaga untuk memastikan jajaran pengawas siap mengawal hari pemungutan suara",
    ),
    Topic(
        "kampanye",
        ("Kampanye", "Alat Peraga Kampanye", "Netralitas ASN"),
        (("2024-09-25", "2024-11-23"), ("2023-11-28", "2024-02-10")),
        (
            "Awasi Kampanye Tatap Muka Pasangan Calon di {kec}",
            "Tertibkan {n} Alat Peraga Kampanye yang Melanggar Aturan",
            "Temukan Kampanye Tanpa Pemberitahuan di {kec}",
        ),
        (
            "mengawasi kegiatan kampanye pertemuan terbatas di {kec} pada {day}",
            "bersama Satpol PP menertibkan {n} alat peraga kampanye pada {day}",
        ),
        (
            "Alat peraga yang dipasang di pohon, tiang listrik, dan fasilitas umum diturunkan petugas.",
            "Tim kampanye diminta membawa surat tanda terima pemberitahuan dari kepolisian.",
            "Pengawas mencatat jumlah peserta, materi kampanye, dan kehadiran aparatur sipil negara.",
            "Hasil pengawasan dituangkan dalam formulir model A dan dilaporkan secara berjenjang.",
        ),
        "mengawasi kegiatan kampanye dan menertibkan alat peraga yang dipasang tidak sesuai ketentuan",
    ),
    Topic(
        "coklit",
        ("Coklit", "Pemutakhiran Data Pemilih", "Pantarlih", "Uji Petik"),
        (("2024-06-20", "2024-08-10"),),
        (
            "Awasi Coklit Serentak di {kec}, Temukan Pemilih Belum Tercatat",
            "Lakukan Uji Petik Hasil Coklit di {n} Kelurahan",
        ),
        (
            "mengawasi pencocokan dan penelitian data pemilih oleh Pantarlih di {kec} pada {day}",
            "melakukan uji petik hasil coklit di {n} kelurahan dan desa pada {day}",
        ),
        (
            "Pengawas kelurahan mendampingi Pantarlih dari rumah ke rumah.",
            "Pemilih yang pindah domisili dan meninggal dunia dicatat sebagai temuan.",
            "Saran perbaikan disampaikan kepada PPS agar data pemilih segera diperbaiki.",
            "Bawaslu memastikan stiker coklit ditempel di setiap rumah yang sudah didatangi.",
        ),
        "mengawasi coklit dan uji petik data pemilih agar tidak ada warga yang kehilangan hak pilih",
    ),
    Topic(
        "posko",
        ("Posko Kawal Hak Pilih", "Daftar Pemilih Tetap", "Daftar Pemilih Sementara"),
        (("2024-08-01", "2024-09-30"),),
        ("Buka Posko Kawal Hak Pilih, Warga Diajak Cek Nama di DPS",),
        (
            "membuka Posko Kawal Hak Pilih di kantornya dan di {n} sekretariat Panwaslu Kecamatan pada {day}",
        ),
        (
            "Warga cukup membawa KTP elektronik dan kartu keluarga untuk mengecek namanya.",
            "Setiap aduan dicatat, diverifikasi, lalu diteruskan kepada KPU setempat.",
            "Posko dibuka setiap hari kerja pukul 08.00 sampai 16.00 WIB.",
        ),
        "membuka posko kawal hak pilih agar warga dapat memastikan namanya tercatat dalam daftar pemilih",
    ),
    Topic(
        "netralitas",
        ("Netralitas ASN", "Netralitas Kepala Desa"),
        (("2024-05-01", "2024-11-27"), ("2023-11-01", "2024-02-14")),
        (
            "Ingatkan ASN dan Kepala Desa di {kec} Jaga Netralitas",
            "Kirim Surat Imbauan Netralitas kepada {n} Kepala Desa",
        ),
        (
            "mengumpulkan aparatur sipil negara dan kepala desa se-{kec} dalam sosialisasi netralitas pada {day}",
            "mengirimkan surat imbauan netralitas kepada {n} kepala desa pada {day}",
        ),
        (
            "ASN dilarang mengunggah atau membagikan konten dukungan kepada peserta pemilihan.",
            "Kepala desa yang terbukti berpihak dapat dikenai sanksi sesuai undang-undang.",
            "Bawaslu membuka saluran pengaduan bagi warga yang menemukan dugaan pelanggaran netralitas.",
        ),
        "mengingatkan aparatur sipil negara dan kepala desa untuk menjaga netralitas selama tahapan pemilihan",
    ),
    Topic(
        "rekap",
        ("Rekapitulasi Suara", "PPK", "Keberatan Saksi"),
        (("2024-11-27", "2024-12-16"), ("2024-02-15", "2024-03-20")),
        (
            "Awasi Rekapitulasi Suara Tingkat Kecamatan di {kec}",
            "Catat Keberatan Saksi dalam Pleno Rekapitulasi Suara",
        ),
        (
            "mengawasi rapat pleno rekapitulasi hasil penghitungan suara di {kec} pada {day}",
            "mencermati jalannya pleno rekapitulasi suara tingkat kabupaten/kota pada {day}",
        ),
        (
            "Pengawas mencocokkan salinan hasil dengan formulir yang dibacakan PPK.",
            "Keberatan saksi dicatat dalam formulir kejadian khusus dan ditindaklanjuti.",
            "Rapat pleno berlangsung hingga malam dan dihadiri saksi pasangan calon.",
            "Bawaslu memastikan kotak suara dibuka dengan segel yang utuh.",
        ),
        "mengawasi rekapitulasi hasil penghitungan suara dan mencatat keberatan saksi dalam pleno",
    ),
    Topic(
        "sosialisasi",
        ("Pengawasan Partisipatif", "Pemilih Pemula"),
        ANY,
        (
            "Ajak {n} Pelajar di {kec} Jadi Pengawas Partisipatif",
            "Sosialisasi Pengawasan Partisipatif bagi Pemilih Pemula di {kec}",
        ),
        (
            "menggelar sosialisasi pengawasan partisipatif bagi {n} pelajar dan mahasiswa pada {day}",
            "mengajak pemilih pemula di {kec} ikut mengawasi pemilihan pada {day}",
        ),
        (
            "Peserta diajak mengenali bentuk pelanggaran yang sering terjadi di lingkungan mereka.",
            "Materi disampaikan secara interaktif dengan contoh kasus dari pemilihan sebelumnya.",
            "Bawaslu berharap pelajar menjadi penyambung informasi bagi keluarga dan teman sebaya.",
        ),
        "mengajak pelajar dan pemilih pemula ikut mengawasi tahapan pemilihan di lingkungannya",
    ),
    Topic(
        "skpp",
        ("Sekolah Kader Pengawasan Partisipatif", "Pengawasan Partisipatif"),
        (("2025-04-01", "2025-11-30"), ("2024-03-01", "2024-06-30")),
        ("Buka Sekolah Kader Pengawasan Partisipatif untuk {n} Peserta",),
        ("membuka Sekolah Kader Pengawasan Partisipatif yang diikuti {n} peserta pada {day}",),
        (
            "Peserta berasal dari unsur organisasi kemahasiswaan, pemuda, dan komunitas.",
            "Selama tiga hari peserta mempelajari dasar hukum dan teknik pengawasan.",
            "Lulusan sekolah kader diharapkan menjadi mitra Bawaslu di daerah masing-masing.",
        ),
        "membuka sekolah kader pengawasan partisipatif untuk mencetak mitra pengawasan di daerah",
    ),
    Topic(
        "adhoc",
        ("Pengawas Ad Hoc", "Panwaslu Kecamatan", "Panwaslu Kelurahan/Desa"),
        (("2024-04-15", "2024-06-15"), ("2024-09-15", "2024-10-31")),
        (
            "Lantik {n} Anggota Panwaslu Kecamatan",
            "Buka Pendaftaran Pengawas TPS di {n} Kecamatan",
        ),
        (
            "melantik {n} anggota Panwaslu Kecamatan pada {day}",
            "membuka pendaftaran calon pengawas ad hoc di {n} kecamatan pada {day}",
        ),
        (
            "Calon pengawas wajib tidak menjadi anggota partai politik sekurang-kurangnya lima tahun.",
            "Berkas pendaftaran dapat diserahkan di sekretariat Panwaslu Kecamatan setempat.",
            "Pengawas yang dilantik langsung mengikuti bimbingan teknis pengawasan tahapan.",
        ),
        "merekrut dan melantik pengawas ad hoc untuk mengawal tahapan pemilihan di tingkat kecamatan",
    ),
    Topic(
        "bimtek",
        ("Peningkatan Kapasitas Pengawas", "Panwaslu Kecamatan"),
        ANY,
        (
            "Gelar Bimbingan Teknis Pengawasan bagi {n} Panwaslu Kecamatan",
            "Perkuat Kapasitas Pengawas melalui Rapat Kerja Teknis",
        ),
        (
            "menggelar bimbingan teknis bagi {n} anggota Panwaslu Kecamatan pada {day}",
            "menyelenggarakan rapat kerja teknis penguatan kapasitas pengawas pada {day}",
        ),
        (
            "Materi meliputi tata cara pengisian formulir pengawasan dan penanganan temuan.",
            "Narasumber dari {office} membagikan pengalaman pengawasan pemilihan sebelumnya.",
            "Peserta diminta memahami aplikasi pelaporan hasil pengawasan secara daring.",
        ),
        "meningkatkan kapasitas jajaran pengawas melalui bimbingan teknis dan rapat kerja teknis",
    ),
    Topic(
        "pdpb",
        ("Pemutakhiran Data Pemilih Berkelanjutan", "KPU"),
        (("2025-03-01", "2025-12-31"),),
        ("Awasi Rapat Pleno PDPB Triwulan di {place}", "Sampaikan Saran Perbaikan PDPB kepada KPU"),
        (
            "mengawasi rapat pleno terbuka pemutakhiran data pemilih berkelanjutan pada {day}",
            "menyampaikan saran perbaikan hasil pemutakhiran data pemilih berkelanjutan pada {day}",
        ),
        (
            "Pengawasan PDPB memastikan daftar pemilih tetap akurat menjelang pemilu berikutnya.",
            "Bawaslu mencocokkan data pemilih baru dan pemilih yang meninggal dunia.",
            "Hasil pleno diumumkan agar masyarakat dapat memberikan tanggapan.",
        ),
        "mengawasi pemutakhiran data pemilih berkelanjutan agar daftar pemilih tetap akurat",
    ),
    Topic(
        "evaluasi",
        ("Evaluasi Pengawasan", "Indeks Kerawanan Pemilu"),
        (("2024-12-15", "2025-12-31"),),
        ("Evaluasi Pengawasan Pilkada 2024 Bersama Jajaran",),
        ("menggelar rapat evaluasi pengawasan bersama jajaran pada {day}",),
        (
            "Evaluasi mencatat kerawanan yang muncul di sejumlah TPS.",
            "Catatan evaluasi akan menjadi bahan pemetaan kerawanan pemilu berikutnya.",
            "Peserta menyampaikan kendala di lapangan, mulai dari akses wilayah hingga logistik.",
        ),
        "mengevaluasi pengawasan pemilihan dan menyusun catatan untuk pemilu berikutnya",
    ),
    Topic(
        "pelanggaran",
        ("Penanganan Pelanggaran", "Sentra Gakkumdu", "Politik Uang"),
        (("2024-09-01", "2025-01-31"), ("2024-01-01", "2024-03-31")),
        (
            "Tindak Lanjuti Laporan Dugaan Pelanggaran di {kec}",
            "Bahas Dugaan Politik Uang Bersama Sentra Gakkumdu",
        ),
        (
            "menindaklanjuti laporan dugaan pelanggaran dari warga {kec} pada {day}",
            "menggelar pembahasan bersama Sentra Gakkumdu atas temuan dugaan pelanggaran pada {day}",
        ),
        (
            "Pelapor diminta melengkapi bukti dan saksi dalam waktu yang ditentukan.",
            "Bawaslu mengklarifikasi pihak terlapor sebelum menentukan status laporan.",
            "Hasil kajian diumumkan di papan pengumuman kantor Bawaslu.",
        ),
        "menindaklanjuti laporan dugaan pelanggaran sesuai prosedur penanganan pelanggaran",
    ),
    Topic(
        "informasi",
        ("Keterbukaan Informasi Publik",),
        ANY,
        ("Perkuat Layanan Informasi Publik di {place}",),
        ("menggelar rapat penguatan layanan informasi publik pada {day}",),
        (
            "Permohonan informasi dapat diajukan melalui laman resmi maupun datang langsung.",
            "Pejabat pengelola informasi menjawab permohonan dalam waktu yang ditentukan.",
        ),
        "memperkuat layanan informasi publik agar masyarakat mudah mengakses informasi pengawasan",
    ),
)

QUOTES = (
    "Kami ingin setiap tahapan berjalan sesuai aturan dan bisa dipertanggungjawabkan",
    "Pengawasan tidak bisa dilakukan sendiri, kami butuh peran aktif masyarakat",
    "Kami lebih senang mencegah di awal daripada menindak di belakang",
    "Setiap temuan akan kami tindak lanjuti sesuai prosedur",
    "Jajaran kami sudah siap hingga ke tingkat TPS",
    "Masyarakat jangan ragu melapor jika menemukan dugaan pelanggaran",
)
SAYS = ("mengatakan", "menjelaskan", "menegaskan", "menyampaikan")
SAID = ("ujar", "kata", "tutur", "tegas")
GENERIC = (
    "Kegiatan ini juga diikuti perwakilan pemerintah daerah, kepolisian, dan tokoh masyarakat.",
    "Menurut dia, koordinasi dengan KPU dan pemerintah daerah terus diperkuat.",
    "Bawaslu juga mengajak media massa ikut menyebarkan informasi tahapan kepada publik.",
    "Seluruh hasil pengawasan dilaporkan secara berjenjang kepada Bawaslu Provinsi.",
    "Ia berharap kegiatan serupa dapat digelar secara rutin di setiap kecamatan.",
    "Sejumlah peserta mengaku baru memahami tugas pengawas setelah mengikuti kegiatan tersebut.",
    "Pihaknya juga menyiapkan layanan pengaduan yang dapat diakses melalui media sosial.",
    "Dalam kesempatan itu, peserta berdiskusi tentang kendala pengawasan di daerah terpencil.",
    "Pengawas di {kec} melaporkan bahwa situasi secara umum berjalan aman dan tertib.",
    "Catatan dari {kec2} akan dibahas dalam rapat koordinasi pekan depan.",
)
# Composed sentences (subject, action, object, circumstance: 10 x 10 x 12 x 10) keep
# the vocabulary and the search index closer to real text than a small bank would.
SUBJECTS = (
    "Pengawas kecamatan",
    "Jajaran Panwaslu Kelurahan/Desa",
    "Tim pengawas",
    "Staf sekretariat",
    "Para peserta",
    "Perwakilan KPU",
    "Tokoh masyarakat setempat",
    "Anggota Bawaslu",
    "Petugas pengawas TPS",
    "Relawan pengawas partisipatif",
)
ACTIONS = (
    "mencatat",
    "memantau",
    "membahas",
    "mendokumentasikan",
    "menelaah",
    "memeriksa",
    "melaporkan",
    "memverifikasi",
    "menindaklanjuti",
    "mengoordinasikan",
)
OBJECTS = (
    "kesiapan logistik di {kec}",
    "daftar hadir peserta rapat",
    "laporan hasil pengawasan harian",
    "data pemilih di {n} TPS",
    "berita acara rapat pleno",
    "aduan warga dari {kec2}",
    "jadwal kegiatan pekan berikutnya",
    "salinan formulir hasil penghitungan",
    "titik rawan di wilayah perbatasan",
    "pemasangan alat peraga di jalan protokol",
    "kesiapan sarana prasarana kantor",
    "catatan kejadian khusus di {kec}",
)
CIRCUMSTANCES = (
    "sejak pagi hari",
    "secara berjenjang",
    "bersama unsur kepolisian",
    "sebelum batas waktu yang ditentukan",
    "sesuai petunjuk teknis",
    "dengan melibatkan pemerintah desa",
    "hingga {n} hari ke depan",
    "melalui aplikasi pelaporan daring",
    "dalam rapat internal",
    "di sela kegiatan rutin",
)
CLOSINGS = (
    "Sebagai informasi, pemungutan suara Pilkada Serentak 2024 digelar pada Rabu, 27 November 2024.",
    "Sebagai informasi, {office} membuka layanan pengaduan setiap hari kerja di kantor sekretariat.",
    "Informasi lebih lanjut dapat diperoleh melalui kanal resmi {office}.",
    "Masyarakat dapat menyampaikan laporan dugaan pelanggaran secara langsung atau melalui Panwaslu Kecamatan terdekat.",
)
DOUBLED_WORD = re.compile(r"(?<![\w-])(?P<word>[^\W\d_]{2,})\s+(?P=word)(?![\w-])", re.I)
PROPER_STARTS = {"Bawaslu", "ASN", "KPU", "PPK", "PPS", "Pantarlih", "Satpol"}
SIGNOFFS = ("(rer)", "(*)", "(hms)", "Penulis : {initials}\n\nEditor : Tim Humas {office}")


# ---- generation ---------------------------------------------------------------


@dataclass
class GeneratedArticle:
    """One release: its file path below content/, its text and what it was made of."""

    path: str  # "berita/2024/2024-09-03-slug.md"
    text: str
    title: str
    slug: str
    date: dt.datetime
    category: str
    author: str
    summary: str
    office: str  # code of the writing office
    region: str  # code of the region the release is about
    tags: list[str]  # as written in Tags:
    official_tags: list[str]  # canonical names behind them
    body: str
    words: int
    image: str | None = None  # "images/bench/2024/slug.jpg"
    metadata: dict[str, str] = field(default_factory=dict)


def _between(windows, day: dt.date) -> bool:
    return any(dt.date.fromisoformat(a) <= day <= dt.date.fromisoformat(b) for a, b in windows)


def _month_weight(day: dt.date) -> float:
    weight = 1.0
    if dt.date(2024, 8, 1) <= day <= dt.date(2024, 12, 31):
        weight = 2.5
    if day.year == 2024 and day.month == 11:
        weight = 4.0
    if dt.date(2024, 1, 15) <= day <= dt.date(2024, 3, 15):
        weight = 2.0
    return weight


def _day_phrase(day: dt.date) -> str:
    return f"{DAYS[day.weekday()]} ({day.day}/{day.month}/{day.year})"


def _long_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


class _Generator:
    def __init__(self, data: CorpusData, seed: int, image_rate: float) -> None:
        self.data = data
        self.rng = random.Random(seed)
        self.image_rate = image_rate
        self.offices = [data.province, *data.offices]
        self.office_weights = [o.weight for o in self.offices]
        days = (END - START).days + 1
        self.days = [START + dt.timedelta(days=i) for i in range(days)]
        self.day_weights = [_month_weight(d) for d in self.days]
        self.slugs: set[str] = set()
        self.published: list[GeneratedArticle] = []

    def pick_tags(self, topic: Topic, day: dt.date) -> tuple[list[str], list[str]]:
        rng = self.rng
        chosen = [name for name in topic.tags if name in self.data.tags]
        chosen = chosen[: rng.randint(1, min(3, len(chosen)))] if chosen else []
        if dt.date(2024, 5, 1) <= day <= dt.date(2025, 3, 31):
            chosen.insert(0, "Pilkada Serentak 2024")
        elif day < dt.date(2024, 4, 30):
            chosen.insert(0, "Pemilu 2024")
        # A stage tag whose dates cover the day, as staff tag the stage they write in.
        stages = [
            t.name
            for t in self.data.tags.values()
            if t.windows and any(a <= day <= b for a, b in t.windows)
        ]
        if stages and rng.random() < 0.5:
            chosen.append(rng.choice(stages))
        names = [n for i, n in enumerate(chosen) if n in self.data.tags and n not in chosen[:i]]
        written = []
        for name in names:
            spellings = self.data.tags[name].spellings
            roll = rng.random()
            if roll < 0.6 or len(spellings) == 1:
                spelling = spellings[0]
            else:
                spelling = rng.choice(spellings[1:])
            if rng.random() < 0.15:
                spelling = spelling.lower()
            written.append(spelling)
        return written, names

    def speakers(self, office: Office, day: dt.date) -> list[Speaker]:
        return [
            s
            for s in self.data.speakers
            if s.region == office.code and s.start <= day and (s.end is None or day <= s.end)
        ]

    def dateline(self, office: Office, day: dt.date) -> str:
        rng = self.rng
        seat = office.seat
        forms = [
            f"{seat.upper()} –",
            f"{seat.upper()}- ",
            f"{seat}, Humas –",
            f"**{seat.upper()}** –",
            f"{seat} ({day.day}/{day.month}/{day.year}) -",
            f"{seat}, {_long_date(day)} –",
            f"{seat.upper()} --",
            "",
        ]
        if office.short and office.short != office.name and office.level != "provinsi":
            forms.append(f"{seat} ({office.short}) -")
        return rng.choice(forms)

    def sentence(self, pool, slots: dict) -> str:
        rng = self.rng
        if rng.random() < 0.4:
            return self.fill(rng.choice(pool), slots)
        while True:
            parts = (rng.choice(SUBJECTS), rng.choice(ACTIONS), rng.choice(OBJECTS))
            text = self.fill(" ".join(parts) + " " + rng.choice(CIRCUMSTANCES) + ".", slots)
            # "Kecamatan Sikap Dalam dalam rapat": a doubled word, which warta reports.
            if not DOUBLED_WORD.search(text):
                return text

    def fill(self, template: str, slots: dict) -> str:
        return template.format(**slots)

    def article(self, index: int) -> GeneratedArticle:
        rng = self.rng
        day = rng.choices(self.days, self.day_weights)[0]
        when = dt.datetime(
            day.year, day.month, day.day, rng.randint(7, 21), rng.choice((0, 15, 30, 45, 5, 20))
        )
        office = rng.choices(self.offices, self.office_weights)[0]
        topics = [t for t in TOPICS if _between(t.windows, day)] or list(TOPICS)
        topic = rng.choice(topics)
        places = office.kecamatan or ((office.code, office.name),)
        kec_code, kec = rng.choice(places)
        _, kec2 = rng.choice(places)
        if kec2 == kec and len(places) > 1:
            kec2 = next(name for _, name in places if name != kec)
        slots = {
            "office": office.bawaslu,
            "place": office.name,
            "kec": kec if office.level == "provinsi" else f"Kecamatan {kec}",
            "kec2": kec2 if office.level == "provinsi" else f"Kecamatan {kec2}",
            "n": rng.randint(3, 60),
            "day": _day_phrase(day),
            "tanggal": _long_date(day),
        }
        short_name = f"Bawaslu {office.short}" if office.short else office.bawaslu
        title_office = rng.choice((office.bawaslu, short_name))
        title = f"{title_office} {self.fill(rng.choice(topic.titles), slots)}"
        if len(title) > 150:
            title = title[:150].rsplit(" ", 1)[0]
        slug, number = slugify(title), 2
        while slug in self.slugs:
            # Numbered as staff number a second release of one title, within
            # the length the site makes of a title (a longer Slug: is said).
            suffix = f"-{number}"
            slug, number = slugify(title, SLUG_MAX - len(suffix)) + suffix, number + 1
        self.slugs.add(slug)

        written_tags, official = self.pick_tags(topic, day)
        speakers = self.speakers(office, day)
        rng.shuffle(speakers)

        target = rng.randint(MIN_WORDS + 20, MAX_WORDS - 40)
        paragraphs = []
        dateline = self.dateline(office, day)
        lead = f"{office.bawaslu} {self.fill(rng.choice(topic.leads), slots)}."
        lead += " " + self.fill(rng.choice(topic.details), slots)
        paragraphs.append(f"{dateline} {lead}".strip())
        for speaker in speakers[:2] or [None]:
            office_name = speaker.office if speaker and speaker.office else office.bawaslu
            quote = rng.choice(QUOTES)
            if speaker:
                who = f"{speaker.position} {office_name}, {speaker.name},"
                last = speaker.name.split()[-1]
            else:
                who, last = f"Ketua {office_name}", "dia"
            statement = self.fill(rng.choice(topic.details), slots).rstrip(".")
            if statement.split()[0] not in PROPER_STARTS:
                statement = statement[0].lower() + statement[1:]
            paragraphs.append(
                f"{who} {rng.choice(SAYS)} bahwa {statement}. “{quote},” {rng.choice(SAID)} {last}."
            )
        if self.published and rng.random() < 0.15:
            earlier = rng.choice(self.published[-200:])
            paragraphs.append(f"BACA JUGA: [{earlier.title}]({{filename}}/{earlier.path})")
        pool = [*topic.details, *GENERIC]
        closing = self.fill(rng.choice(CLOSINGS), slots)
        signoff = self.fill(
            rng.choice(SIGNOFFS),
            {"initials": "".join(rng.choices("ABDEFHMRSY", k=2)), "office": office.bawaslu},
        )
        fixed_words = len(closing.split()) + len(signoff.split())
        words = sum(len(p.split()) for p in paragraphs) + fixed_words
        used: set[str] = set()
        while words < target:
            sentences = []
            for _ in range(rng.randint(2, 4)):
                sentence = self.sentence(pool, slots)
                if sentence not in used:
                    used.add(sentence)
                    sentences.append(sentence)
            paragraph = " ".join(sentences)
            if words + len(paragraph.split()) > MAX_WORDS:
                break
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        paragraphs += [closing, signoff]
        body = "\n\n".join(paragraphs)

        summary = f"{office.bawaslu} {topic.summary} pada {_long_date(day)}."
        category = rng.choices([c for c, _ in CATEGORIES], [w for _, w in CATEGORIES])[0]
        author = f"Humas {office.bawaslu}"
        meta = {
            "Title": title,
            "Date": when.strftime("%Y-%m-%d %H:%M"),
            "Slug": slug,
            "Category": category,
            "Author": author,
            "Tags": ", ".join(written_tags),
        }
        region = office.code
        if office.level == "provinsi":
            meta["Region"] = rng.choice(
                (office.code, office.name.removeprefix("Provinsi "), office.short or office.code)
            )
        else:
            roll = rng.random()
            if roll < 0.1 and office.kecamatan:
                meta["Region"] = region = kec_code
            elif roll < 0.3:
                meta["Region"] = rng.choice((office.code, office.name, office.short))
        meta["Summary"] = summary
        if rng.random() < 0.03:
            modified = when + dt.timedelta(hours=rng.randint(1, 72))
            meta["Modified"] = modified.strftime("%Y-%m-%d %H:%M")
        image = None
        if rng.random() < self.image_rate:
            image = f"images/bench/{day.year}/{slug}.jpg"
            meta["Image"] = image
            meta["Image-Alt"] = (
                f"Jajaran {office.bawaslu} saat kegiatan pengawasan di {slots['kec']}."
            )
            meta["Image-Caption"] = f"Kegiatan {office.bawaslu}, {_long_date(day)}."
            meta["Image-Credit"] = f"Humas {office.bawaslu}"
        meta["Thread"] = f"{rng.getrandbits(128):032x}"
        front = "\n".join(f"{key}: {value}" for key, value in meta.items() if value)
        path = f"berita/{day.year}/{day.isoformat()}-{slug}.md"
        article = GeneratedArticle(
            path=path,
            text=f"{front}\n\n{body}\n",
            title=title,
            slug=slug,
            date=when,
            category=category,
            author=author,
            summary=summary,
            office=office.code,
            region=region,
            tags=written_tags,
            official_tags=official,
            body=body,
            words=len(body.split()),
            image=image,
            metadata=meta,
        )
        self.published.append(article)
        return article


def generate(
    count: int, data: CorpusData, *, seed: int = 2024, image_rate: float = 0.03
) -> list[GeneratedArticle]:
    """`count` articles; the same seed and data give the same articles."""
    generator = _Generator(data, seed, image_rate)
    return [generator.article(index) for index in range(count)]


def photo_bytes(seed: str, size: tuple[int, int] = (1600, 1067)) -> bytes:
    """A deterministic JPEG "photo" (sky, ground, people-sized blocks) for an article."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    image = Image.new("RGB", size, (rng.randint(90, 160), rng.randint(140, 200), 230))
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle((0, height * 0.6, width, height), fill=(rng.randint(60, 120), 110, 70))
    for _ in range(40):
        x, y = rng.randint(0, width), rng.randint(int(height * 0.4), height)
        w, h = rng.randint(20, 120), rng.randint(60, 260)
        draw.rectangle((x, y - h, x + w, y), fill=tuple(rng.randint(0, 255) for _ in range(3)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82)
    return out.getvalue()


def write_corpus(articles: list[GeneratedArticle], content: Path) -> None:
    """Write the articles (and their photos) below `content/`."""
    content = Path(content)
    for article in articles:
        target = content / article.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(article.text, encoding="utf-8")
        if article.image:
            photo = content / article.image
            photo.parent.mkdir(parents=True, exist_ok=True)
            photo.write_bytes(photo_bytes(article.slug))
