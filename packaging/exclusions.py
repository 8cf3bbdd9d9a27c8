"""What the PyInstaller specs leave out: shared by the app's spec and the size-floor spec."""

import re

#: Qt modules peerdesk never uses: leaving them out keeps the bundle small.
QT_EXCLUDES = [
    f"PySide6.{module}"
    for module in (
        "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
        "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDesigner",
        "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia", "QtMultimediaWidgets",
        "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPositioning", "QtQml",
        "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickWidgets", "QtRemoteObjects",
        "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql",
        "QtStateMachine", "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools",
        "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets",
        "QtWebSockets", "QtXml",
    )
]  # fmt: skip

OTHER_EXCLUDES = ["tkinter", "unittest", "pydoc_data", "pytest", "hypothesis", "mypy",
                  "IPython", "numpy", "matplotlib", "PyQt5", "PyQt6"]  # fmt: skip

#: Files the Qt hooks collect that peerdesk does not need: translations, QML, and plugins for
#: input methods, multimedia, networking, sensors and embedded displays.
UNWANTED = re.compile(
    r"([\\/]|^)(translations|qml|qmltooling|platforminputcontexts|multimedia|sqldrivers|"
    r"networkinformation|tls|position|sensors|canbus|texttospeech|generic|"
    r"egldeviceintegrations|xcbglintegrations|wayland-graphics-integration-client|"
    r"wayland-decoration-client|wayland-shell-integration)([\\/]|$)"
    r"|lib(Qt6)?(Quick|Qml|VirtualKeyboard|Multimedia|WebEngine|Designer|3D|"
    r"EglFsKmsSupport|EglFSDeviceIntegration)"
    # The GTK platform theme needs GTK at run time, which a coordinator's laptop may not have.
    r"|libqgtk3",
    re.IGNORECASE,
)


def keep(entry: tuple[str, ...]) -> bool:
    return not UNWANTED.search(entry[0])
